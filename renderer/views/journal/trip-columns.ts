import type { JournalTrip } from '#shared/journal/journal-trip';
import { formatDecimal } from '../../components/format/decimal-text';
import type { ColumnSpec } from '../../components/table/column-spec';
import { duration, num, utcDateTime } from './use-journal';

// Cells are plain text with their colour as a class on the cell (`tone`): one text node a cell
// lays out and paints cheapest while 100,000 trips scroll.
const signed = (v: string, dp: number): string => formatDecimal(v, dp, { sign: 'always' });
const signTone = (v: string): string | undefined => {
  const n = Number(v);
  return n > 0 ? 'up' : n < 0 ? 'down' : undefined;
};
const SIDE_LABEL = { long: 'Long', short: 'Short' } as const;

/** Decimals shown for an asset's money: coins need more places than dollars. */
export function moneyDp(asset: string): number {
  return asset.startsWith('USD') || asset === 'FDUSD' ? 2 : 8;
}

/** The trips table: one row per round trip, every money column in the trip's own asset. */
export const TRIP_COLUMNS: readonly ColumnSpec<JournalTrip>[] = [
  { id: 'closedAt', header: 'Closed', value: (t) => t.closedAt, sort: 'number', time: true, size: 132, cell: (t) => utcDateTime(t.closedAt) },
  { id: 'openedAt', header: 'Opened', value: (t) => t.openedAt, sort: 'number', time: true, size: 132, cell: (t) => utcDateTime(t.openedAt), defaultHidden: true },
  { id: 'account', header: 'Account', value: (t) => t.account, size: 80 },
  { id: 'symbol', header: 'Symbol', value: (t) => t.symbol, size: 118 },
  { id: 'side', header: 'Side', value: (t) => t.side, size: 56, cell: (t) => SIDE_LABEL[t.side], tone: (t) => `side-tag ${t.side === 'long' ? 'up' : 'down'}` },
  { id: 'quantity', header: 'Size', description: 'Largest size held (contracts for COIN-M)', value: (t) => t.quantity, sort: 'decimal', align: 'end', size: 104, cell: (t) => formatDecimal(t.quantity, 4) },
  { id: 'entryPrice', header: 'Entry', value: (t) => t.entryPrice, sort: 'decimal', align: 'end', size: 96, cell: (t) => formatDecimal(t.entryPrice, 2) },
  { id: 'exitPrice', header: 'Exit', value: (t) => t.exitPrice, sort: 'decimal', align: 'end', size: 96, cell: (t) => formatDecimal(t.exitPrice, 2) },
  { id: 'realizedPnl', header: 'Realized', value: (t) => t.realizedPnl, sort: 'decimal', align: 'end', size: 100, cell: (t) => signed(t.realizedPnl, moneyDp(t.asset)), tone: (t) => signTone(t.realizedPnl) },
  { id: 'fees', header: 'Fees', description: 'Fees paid in the trip’s asset (other fee assets in the detail)', value: (t) => t.fees, sort: 'decimal', align: 'end', size: 84, cell: (t) => formatDecimal(t.fees, moneyDp(t.asset)) },
  { id: 'funding', header: 'Funding', description: 'Funding while held (+ received)', value: (t) => t.funding, sort: 'decimal', align: 'end', size: 88, cell: (t) => signed(t.funding, moneyDp(t.asset)), tone: (t) => signTone(t.funding) },
  { id: 'net', header: 'Net', description: 'Realized − fees + funding + insurance clearance', value: (t) => t.net, sort: 'decimal', align: 'end', size: 104, cell: (t) => signed(t.net, moneyDp(t.asset)), tone: (t) => signTone(t.net) },
  { id: 'asset', header: 'Asset', value: (t) => t.asset, size: 56 },
  { id: 'rMultiple', header: 'R', description: 'Net over the planned risk (stop)', value: (t) => t.rMultiple, sort: 'number', align: 'end', size: 60, cell: (t) => num(t.rMultiple) },
  { id: 'maePct', header: 'MAE %', description: 'Maximum adverse excursion', value: (t) => t.maePct, sort: 'number', align: 'end', size: 66, cell: (t) => num(t.maePct) },
  { id: 'mfePct', header: 'MFE %', description: 'Maximum favourable excursion', value: (t) => t.mfePct, sort: 'number', align: 'end', size: 66, cell: (t) => num(t.mfePct) },
  { id: 'holdingMs', header: 'Held', value: (t) => t.holdingMs, sort: 'number', align: 'end', size: 70, cell: (t) => duration(t.holdingMs) },
  { id: 'leverage', header: 'Lev.', value: (t) => t.leverage, sort: 'number', align: 'end', size: 50, cell: (t) => (t.leverage === null ? '—' : `${t.leverage}x`) },
  { id: 'marginMode', header: 'Margin', value: (t) => t.marginMode, size: 70, cell: (t) => t.marginMode ?? '—' },
  {
    id: 'liquidated',
    header: 'Liq.',
    description: 'Closed by liquidation',
    value: (t) => (t.liquidated ? 'yes' : ''),
    size: 46,
    cell: (t) => (t.liquidated ? 'Liq' : ''),
    tone: (t) => (t.liquidated ? 'strong down' : undefined),
  },
  { id: 'fillCount', header: 'Fills', value: (t) => t.fillCount, sort: 'number', align: 'end', size: 50, defaultHidden: true },
  { id: 'setup', header: 'Setup', value: (t) => t.annotation.setup, size: 90 },
  { id: 'tags', header: 'Tags', value: (t) => t.annotation.tags.join(' '), sort: false, size: 110 },
  { id: 'rating', header: '★', description: 'Rating', value: (t) => t.annotation.rating, sort: 'number', align: 'center', size: 40, cell: (t) => (t.annotation.rating ?? '') },
  { id: 'source', header: 'From', value: (t) => (t.source === 'paper' ? 'Paper' : t.venue), size: 96, defaultHidden: true },
];
