import { Dec, toWire, ZERO } from '#shared/money/decimal';
import type { JournalTrip } from '#shared/journal/journal-trip';
import type { OrderRow, PositionRow, TransactionRow } from '../import/rows';
import { rMultiple } from './r-multiple';

/** How long after a trip's last fill an insurance clearance still belongs to it. */
const INSURANCE_GRACE_MS = 10 * 60_000;

class TripIndex {
  private readonly byKey = new Map<string, JournalTrip[]>();
  constructor(trips: readonly JournalTrip[]) {
    for (const t of trips) {
      const k = `${t.account}|${t.symbol}`;
      let list = this.byKey.get(k);
      if (!list) this.byKey.set(k, (list = []));
      list.push(t);
    }
    for (const list of this.byKey.values()) list.sort((a, b) => a.openedAt - b.openedAt);
  }

  /** The earliest-opened trip of the account and symbol holding a position at `t` (+ grace after its close). */
  at(account: string, symbol: string, t: number, grace = 0): JournalTrip | null {
    const list = this.byKey.get(`${account}|${symbol}`);
    if (!list) return null;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.openedAt <= t) lo = mid + 1;
      else hi = mid;
    }
    let found: JournalTrip | null = null;
    // Trips of one symbol rarely overlap (hedge mode: two sides): a short look back is enough.
    for (let i = lo - 1; i >= 0 && i >= lo - 64; i--) {
      const trip = list[i]!;
      if (trip.closedAt + grace >= t) found = trip;
    }
    return found;
  }
}

export interface MatchResult {
  /** Transactions of a matched type that no trip took (FUNDING_FEE, INSURANCE_CLEAR). */
  readonly unmatched: TransactionRow[];
}

/**
 * Books funding and insurance clearances onto the trips that held the symbol at the time
 * (funding: while open, ends included; insurance: up to ten minutes after the liquidation's last
 * fill, which is when Binance books it). The trips' net results are recomputed.
 */
export function matchTransactions(trips: JournalTrip[], txs: readonly TransactionRow[]): MatchResult {
  const index = new TripIndex(trips);
  const funding = new Map<JournalTrip, Dec>();
  const insurance = new Map<JournalTrip, Dec>();
  const unmatched: TransactionRow[] = [];
  for (const x of txs) {
    if (x.type !== 'FUNDING_FEE' && x.type !== 'INSURANCE_CLEAR') continue;
    const isFunding = x.type === 'FUNDING_FEE';
    const trip = x.symbol === null ? null : index.at(x.account, x.symbol, x.t, isFunding ? 0 : INSURANCE_GRACE_MS);
    if (!trip || trip.asset !== x.asset) {
      unmatched.push(x);
      continue;
    }
    const into = isFunding ? funding : insurance;
    into.set(trip, (into.get(trip) ?? ZERO).plus(x.amount));
  }
  for (const [trip, v] of funding) trip.funding = toWire(v);
  for (const [trip, v] of insurance) {
    trip.insuranceClear = toWire(v);
    trip.liquidated = true;
  }
  for (const trip of trips) trip.net = toWire(new Dec(trip.realizedPnl).minus(trip.fees).plus(trip.funding).plus(trip.insuranceClear));
  return { unmatched };
}

/** Margin mode from the position history: the position of the same side whose life covers the trip. */
export function matchPositions(trips: readonly JournalTrip[], positions: readonly PositionRow[]): void {
  const by = new Map<string, PositionRow[]>();
  for (const p of positions) {
    const k = `${p.account}|${p.symbol}|${p.side}`;
    const list = by.get(k) ?? [];
    list.push(p);
    by.set(k, list);
  }
  for (const trip of trips) {
    const list = by.get(`${trip.account}|${trip.symbol}|${trip.side}`);
    const hit = list?.find((p) => p.opened <= trip.openedAt + 1000 && (p.closed ?? Number.MAX_SAFE_INTEGER) >= trip.closedAt - 1000);
    if (hit) trip.marginMode = hit.marginMode;
  }
}

/** The planned stop of an imported trip: the first stop order placed on its closing side while it was open. */
export function matchStops(trips: readonly JournalTrip[], orders: readonly OrderRow[]): void {
  const by = new Map<string, OrderRow[]>();
  for (const o of orders) {
    if (o.stopPrice === null || !/STOP/.test(o.type) || /TRAILING|TAKE_PROFIT/.test(o.type)) continue;
    const k = `${o.account}|${o.symbol}`;
    const list = by.get(k) ?? [];
    list.push(o);
    by.set(k, list);
  }
  for (const trip of trips) {
    const closing = trip.side === 'long' ? 'sell' : 'buy';
    const stop = by
      .get(`${trip.account}|${trip.symbol}`)
      ?.find((o) => o.side === closing && (o.positionSide === 'both' || o.positionSide === trip.side) && o.t >= trip.openedAt - 1000 && o.t <= trip.closedAt);
    if (!stop || stop.stopPrice === null) continue;
    trip.plannedStop = stop.stopPrice as JournalTrip['plannedStop'];
    trip.stopSource = 'order';
    trip.rMultiple = rMultiple(trip);
  }
}
