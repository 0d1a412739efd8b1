import { Dec, toWire } from '#shared/money/decimal';
import { EMPTY_ANNOTATION, type JournalTrip } from '#shared/journal/journal-trip';
import type { ClosedRow } from '../import/rows';

/** A venue's closed-position row (Bybit Closed P&L) as a trip: its P&L is already net of fees and funding. */
export function closedRowTrip(c: ClosedRow): JournalTrip {
  const opened = c.openedAt ?? c.closedAt;
  const pnl = new Dec(c.closedPnl);
  return {
    id: `${c.account}|${c.venue}|${c.symbol}|${c.side}|${c.key}`,
    source: 'import',
    account: c.account,
    venue: c.venue,
    symbol: c.symbol,
    side: c.side,
    asset: c.asset,
    openedAt: opened,
    closedAt: c.closedAt,
    holdingMs: Math.max(0, c.closedAt - opened),
    fillCount: 0,
    quantity: toWire(c.quantity),
    entryPrice: toWire(c.entryPrice),
    exitPrice: toWire(c.exitPrice),
    leverage: null,
    marginMode: null,
    fees: toWire(0),
    feesByAsset: {},
    funding: toWire(0),
    realizedPnl: toWire(pnl),
    insuranceClear: toWire(0),
    net: toWire(pnl),
    liquidated: /liq|bust/i.test(c.exitType),
    liquidationId: null,
    plannedStop: null,
    stopSource: null,
    rMultiple: null,
    maePrice: null,
    mfePrice: null,
    maePct: null,
    mfePct: null,
    maeR: null,
    mfeR: null,
    excursionSource: null,
    excursionNote: null,
    scenario: null,
    complete: c.openedAt !== null,
    annotation: EMPTY_ANNOTATION,
  };
}
