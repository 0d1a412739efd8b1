import type { PositionView } from '#shared/domain/trading-account';
import type { ColumnSpec } from '../../../components/table/column-spec';
import type { Fmt } from '../format';
import { AdlLights, ExplainButton, SideTag } from './cells';

export interface PositionActions {
  explainLiquidation(p: PositionView): void;
  explainMarginRatio(p: PositionView): void;
  close(p: PositionView): void;
  reverse(p: PositionView): void;
  addMargin(p: PositionView): void;
  editStops(p: PositionView): void;
}

/**
 * The positions table: one row per open position, every number from the engine at the mark.
 * Symbol, side, size, entry, mark, liquidation price and PnL come first: at 1280 px they stay in
 * view beside the pinned actions; the rest scrolls.
 */
export function positionColumns(fmt: Fmt, act: PositionActions): ColumnSpec<PositionView>[] {
  return [
    { id: 'symbol', header: 'Symbol', value: (p) => p.symbol, size: 90, hideable: false, cell: (p) => <span className="sym">{p.symbol}<small>{p.leverage}× {p.marginMode === 'cross' ? 'Cross' : 'Isolated'}</small></span> },
    { id: 'side', header: 'Side', value: (p) => p.side, size: 52, cell: (p) => <SideTag side={p.side} /> },
    { id: 'size', header: 'Size', description: 'Position size in base units', value: (p) => p.quantity, align: 'end', size: 78, cell: (p) => <span className={p.side === 'long' ? 'up' : 'down'}>{fmt.qty(p.quantity)}</span> },
    { id: 'entry', header: 'Entry', description: 'Average entry price', value: (p) => p.entryPrice, align: 'end', size: 86, cell: (p) => fmt.price(p.entryPrice) },
    { id: 'mark', header: 'Mark', description: 'Mark price', value: (p) => p.markPrice, align: 'end', size: 86, cell: (p) => fmt.price(p.markPrice) },
    {
      id: 'liq',
      header: 'Liq. price',
      description: 'Liquidation price (click for the formula)',
      value: (p) => p.liquidationPrice,
      align: 'end',
      size: 90,
      cell: (p) => (
        <ExplainButton label={`Explain the liquidation price of the ${p.symbol} ${p.side}`} onClick={() => act.explainLiquidation(p)} testId="position-liq">
          <span className="warn-text">{fmt.price(p.liquidationPrice)}</span>
        </ExplainButton>
      ),
    },
    {
      id: 'pnl',
      header: 'PnL (ROE)',
      description: 'Unrealized PnL at the mark, and return on the initial margin',
      value: (p) => p.unrealizedPnl,
      align: 'end',
      size: 132,
      cell: (p) => (
        <span className="pnl-cell">
          {fmt.pnl(p.unrealizedPnl)} <small>({fmt.signedPct(p.roe)})</small>
        </span>
      ),
    },
    { id: 'bankruptcy', header: 'Bankr. price', description: 'Bankruptcy price: where the margin is gone', value: (p) => p.bankruptcyPrice, align: 'end', size: 104, defaultHidden: true, cell: (p) => fmt.price(p.bankruptcyPrice) },
    { id: 'distance', header: 'To liq.', description: 'Distance from the mark to the liquidation price', value: (p) => p.distanceToLiquidation, align: 'end', size: 62, cell: (p) => fmt.pct(p.distanceToLiquidation) },
    { id: 'margin', header: 'Margin', description: 'Position margin', value: (p) => p.margin, align: 'end', size: 84, cell: (p) => fmt.money(p.margin) },
    {
      id: 'marginRatio',
      header: 'Ratio',
      description: 'Maintenance margin / margin balance; liquidation at 100% (click for the formula)',
      value: (p) => p.marginRatio,
      align: 'end',
      size: 70,
      cell: (p) => (
        <ExplainButton label={`Explain the margin ratio of the ${p.symbol} ${p.side}`} onClick={() => act.explainMarginRatio(p)} testId="position-ratio">
          {fmt.pct(p.marginRatio)}
        </ExplainButton>
      ),
    },
    {
      id: 'stops',
      header: 'Stop / TP',
      description: 'Attached stop-loss and take-profit triggers',
      value: (p) => p.stopLoss?.triggerPrice ?? null,
      align: 'end',
      size: 120,
      cell: (p) => (
        <span className="num">
          <span className="down">{p.stopLoss ? fmt.price(p.stopLoss.triggerPrice) : '—'}</span>
          {' / '}
          <span className="up">{p.takeProfits.length ? p.takeProfits.map((t) => fmt.price(t.triggerPrice)).join(', ') : '—'}</span>
        </span>
      ),
    },
    { id: 'adl', header: 'ADL', description: 'Auto-deleveraging queue position', value: (p) => p.adl?.quintile ?? null, sort: 'number', size: 56, cell: (p) => <AdlLights adl={p.adl} /> },
    { id: 'funding', header: 'Funding', description: 'Funding paid (−) or received (+) by this position', value: (p) => p.fundingPaid, align: 'end', size: 76, cell: (p) => fmt.pnl(p.fundingPaid) },
    { id: 'realized', header: 'Realized', description: 'Realized PnL of this position so far', value: (p) => p.realizedPnl, align: 'end', size: 92, defaultHidden: true, cell: (p) => fmt.pnl(p.realizedPnl) },
    { id: 'fees', header: 'Fees', description: 'Trading fees paid', value: (p) => p.feesPaid, align: 'end', size: 80, defaultHidden: true, cell: (p) => fmt.money(p.feesPaid) },
    {
      id: 'actions',
      header: 'Actions',
      pinEnd: true,
      size: 206,
      hideable: false,
      csv: false,
      sort: false,
      cell: (p) => (
        <span className="cell-actions">
          <button type="button" className="btn-ghost" onClick={() => act.close(p)} aria-label={`Close the ${p.symbol} ${p.side} at market`} data-testid="position-close">
            Close
          </button>
          <button type="button" className="btn-ghost" onClick={() => act.reverse(p)} aria-label={`Reverse the ${p.symbol} ${p.side}`} data-testid="position-reverse">
            Rev.
          </button>
          <button type="button" className="btn-ghost" onClick={() => act.addMargin(p)} disabled={p.marginMode !== 'isolated'} aria-label={`Add or remove margin of the ${p.symbol} position`} data-testid="position-margin">
            Margin
          </button>
          <button type="button" className="btn-ghost" onClick={() => act.editStops(p)} aria-label={`Set stop and take-profit of the ${p.symbol} position`} data-testid="position-stops">
            SL/TP
          </button>
        </span>
      ),
    },
  ];
}
