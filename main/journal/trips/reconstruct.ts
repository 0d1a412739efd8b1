import { Dec } from '#shared/money/decimal';
import type { JournalTrip, TripFill } from '#shared/journal/journal-trip';
import type { FillRow } from '../import/rows';
import { TripBuilder, type FillPart, type TripIdentity } from './trip-builder';

/** Trade ids are numbers written as text: order them as numbers when they are. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortFills(fills: FillRow[]): FillRow[] {
  return fills.sort((x, y) => x.t - y.t || compareIds(x.tradeId, y.tradeId));
}

/**
 * Round trips from imported fills, per account, venue, symbol and position side. Hedge mode
 * (LONG/SHORT) keeps two independent positions; one-way (BOTH) is one signed position, and a fill
 * that crosses zero closes the trip and opens the opposite one with the rest (fee shared pro rata).
 * A reducing fill with nothing open means the export began inside a position: that trip is kept,
 * marked incomplete. `liquidationOrders` are order ids the venue's liquidation engine placed.
 */
export interface Reconstructed {
  readonly trips: JournalTrip[];
  /** Each trip's fills, by trip id (for its detail and chart). */
  readonly fills: Map<string, TripFill[]>;
  /** Each trip's order ids (its entry order first). */
  readonly orders: Map<string, string[]>;
  /** Realised PnL computed from the average entry, by account, venue and asset, for fills exported without one. */
  readonly computedPnl: ComputedPnl[];
}

export interface ComputedPnl {
  readonly account: string;
  readonly venue: string;
  readonly asset: string;
  readonly amount: Dec;
}

export function reconstructTrips(fills: readonly FillRow[], liquidationOrders: ReadonlySet<string> = new Set()): Reconstructed {
  const open = new Map<string, TripBuilder>();
  /** One-way positions: signed size per account/venue/symbol. */
  const trips: JournalTrip[] = [];
  const fillsById = new Map<string, TripFill[]>();
  const ordersById = new Map<string, string[]>();
  const computedPnl: ComputedPnl[] = [];
  const finish = (key: string, b: TripBuilder) => {
    open.delete(key);
    const trip = b.build();
    trips.push(trip);
    fillsById.set(trip.id, b.fills);
    ordersById.set(trip.id, [...b.orderIds]);
    if (!b.computedPnl.isZero()) computedPnl.push({ account: trip.account, venue: trip.venue, asset: trip.asset, amount: b.computedPnl });
  };
  for (const f of fills) {
    const base = `${f.account}|${f.venue}|${f.symbol}`;
    const part: FillPart = {
      id: f.tradeId,
      t: f.t,
      side: f.side,
      price: new Dec(f.price),
      quantity: new Dec(f.quantity),
      fee: new Dec(f.fee),
      feeAsset: f.feeAsset,
      realizedPnl: f.realizedPnl === null ? null : new Dec(f.realizedPnl),
      liquidation: f.orderId !== null && liquidationOrders.has(`${f.account}|${f.venue}|${f.orderId}`),
    };
    const who = (side: 'long' | 'short'): TripIdentity => ({ source: 'import', account: f.account, venue: f.venue, symbol: f.symbol, side, asset: f.settleAsset });
    if (f.positionSide !== 'both') {
      const side = f.positionSide;
      const key = `${base}|${side}`;
      const opening = (f.side === 'buy') === (side === 'long');
      let b = open.get(key);
      if (opening) {
        if (!b) open.set(key, (b = new TripBuilder(who(side), true)));
        b.open(part);
      } else {
        if (!b) b = new TripBuilder(who(side), false);
        b.close(part);
        if (f.orderId) b.orderIds.add(f.orderId);
        if (b.qty.isZero()) finish(key, b);
        continue;
      }
      if (f.orderId) b.orderIds.add(f.orderId);
      continue;
    }
    // One-way: the open trip's side is the position's sign.
    const longKey = `${base}|long`;
    const shortKey = `${base}|short`;
    const current = open.get(longKey) ?? open.get(shortKey);
    const fillSide: 'long' | 'short' = f.side === 'buy' ? 'long' : 'short';
    if (!current || current.who.side === fillSide) {
      const key = fillSide === 'long' ? longKey : shortKey;
      const b = current ?? new TripBuilder(who(fillSide), true);
      if (!current) open.set(key, b);
      b.open(part);
      if (f.orderId) b.orderIds.add(f.orderId);
      continue;
    }
    const key = current.who.side === 'long' ? longKey : shortKey;
    if (part.quantity.lte(current.qty)) {
      current.close(part);
      if (f.orderId) current.orderIds.add(f.orderId);
      if (current.qty.isZero()) finish(key, current);
      continue;
    }
    // Crosses zero: close what is open, open the opposite side with the rest.
    const closeQty = current.qty;
    const share = closeQty.div(part.quantity);
    current.close({ ...part, quantity: closeQty, fee: part.fee.times(share) });
    finish(key, current);
    const rest = part.quantity.minus(closeQty);
    const b = new TripBuilder(who(fillSide), true);
    open.set(fillSide === 'long' ? longKey : shortKey, b);
    b.open({ ...part, id: `${part.id}+`, quantity: rest, fee: part.fee.minus(part.fee.times(share)), realizedPnl: part.realizedPnl === null ? null : new Dec(0) });
  }
  // Positions still open at the end of the export are not round trips yet.
  trips.sort((a, b) => a.closedAt - b.closedAt || a.id.localeCompare(b.id));
  return { trips, fills: fillsById, orders: ordersById, computedPnl };
}
