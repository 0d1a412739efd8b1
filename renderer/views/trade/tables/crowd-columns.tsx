import type { CrowdRow } from '#shared/domain/trading-queries';
import type { ColumnSpec } from '../../../components/table/column-spec';
import type { Fmt } from '../format';
import { SideTag } from './cells';

/**
 * The Market tab: the simulated crowd's positions, paged and sorted by main. Column ids that
 * main can sort by match its CROWD_SORTS; the others are not sortable (sorting a 100,000-row
 * page in the renderer would sort only the page).
 */
export function crowdColumns(fmt: Fmt): ColumnSpec<CrowdRow>[] {
  return [
    { id: 'account', header: 'Trader', value: (r) => r.account, sort: 'text', size: 90 },
    { id: 'side', header: 'Side', value: (r) => r.side, sort: false, size: 56, cell: (r) => <SideTag side={r.side} /> },
    { id: 'quantity', header: 'Size', value: (r) => r.quantity, sort: false, align: 'end', size: 90, cell: (r) => fmt.qty(r.quantity) },
    { id: 'entryPrice', header: 'Entry', value: (r) => r.entryPrice, sort: 'decimal', align: 'end', size: 96, cell: (r) => fmt.price(r.entryPrice) },
    { id: 'notional', header: 'Notional', value: (r) => r.notional, sort: 'decimal', align: 'end', size: 110, cell: (r) => fmt.money(r.notional) },
    { id: 'leverage', header: 'Lev.', value: (r) => r.leverage, sort: 'number', align: 'end', size: 56, cell: (r) => `${r.leverage}×` },
    { id: 'marginMode', header: 'Mode', value: (r) => r.marginMode, sort: false, size: 70, cell: (r) => (r.marginMode === 'cross' ? 'Cross' : 'Isolated') },
    { id: 'margin', header: 'Margin', value: (r) => r.margin, sort: false, align: 'end', size: 96, cell: (r) => fmt.money(r.margin) },
    { id: 'liquidationPrice', header: 'Liq. price', value: (r) => r.liquidationPrice, sort: 'decimal', align: 'end', size: 100, cell: (r) => <span className="warn-text">{fmt.price(r.liquidationPrice)}</span> },
    { id: 'stopPrice', header: 'Stop', value: (r) => r.stopPrice, sort: false, align: 'end', size: 96, cell: (r) => fmt.price(r.stopPrice) },
    { id: 'unrealizedPnl', header: 'Unrealized PnL', value: (r) => r.unrealizedPnl, sort: 'decimal', align: 'end', size: 118, cell: (r) => fmt.pnl(r.unrealizedPnl) },
    {
      id: 'adlScore',
      header: 'ADL score',
      description: 'PnL% × effective leverage (ranking score)',
      value: (r) => r.adlScore,
      sort: 'number',
      align: 'end',
      size: 84,
      csv: (r) => (r.adlScore == null ? '' : String(r.adlScore)),
      cell: (r) => (r.adlScore == null ? '—' : r.adlScore.toFixed(3)),
    },
  ];
}
