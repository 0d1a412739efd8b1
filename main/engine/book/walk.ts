import { ceilTo, Dec, floorTo, roundTo, ZERO } from '#shared/money/decimal';
import type { OrderSide } from '#shared/domain/trading-orders';
import { MAX_FILLS_PER_WALK, MAX_WALK_OFFSET, MIN_BAND } from './calibration';
import { cumulativeNotional, meanOffset, offsetForNotional } from './depth-curve';
import { toFloat } from '#shared/money/to-float';

/** The book around one market at one moment: what the walk needs from the market state. */
export interface BookQuote {
  /** The engine's mid: the tick's last price moved by the displacement our own orders left. */
  readonly mid: number;
  /** Half the quoted spread, as a fraction of the mid. */
  readonly halfSpread: number;
  /** Tick depthScale × market depth scale: 1 is the calibrated Binance book. */
  readonly depthScale: number;
  readonly tickSize: Dec;
  readonly stepSize: Dec;
}

export interface WalkFill {
  readonly price: Dec;
  readonly qty: Dec;
}

export interface WalkResult {
  readonly fills: readonly WalkFill[];
  readonly filled: Dec;
  /** Depth distance (fraction of mid, beyond the spread) reached by the filled quantity. */
  readonly endOffset: number;
}

const EMPTY: WalkResult = { fills: [], filled: ZERO, endOffset: 0 };

/** Best quote a taker of `side` meets: the ask for a buy, the bid for a sell, on the tick grid. */
export function bestPrice(q: BookQuote, side: OrderSide): Dec {
  const raw = fromFloat(q.mid * (side === 'buy' ? 1 + q.halfSpread : 1 - q.halfSpread));
  const p = side === 'buy' ? ceilTo(raw, q.tickSize) : floorTo(raw, q.tickSize);
  return p.gt(0) ? p : q.tickSize;
}

/**
 * Takes `qty` from the side of the book a `side` order meets, never past `limit` (the worst
 * acceptable price) nor past MAX_WALK_OFFSET. Fills come in price bands, each priced at the
 * exact mean of the depth it consumed on the tick grid (see bandPrice). Quantities are on the step
 * grid and sum to `filled` exactly. Pure: the caller decides whether to commit the result.
 */
export function walkBook(q: BookQuote, side: OrderSide, qty: Dec, limit: Dec | null): WalkResult {
  if (qty.lte(0) || q.mid <= 0 || q.depthScale <= 0) return EMPTY;
  const dir = side === 'buy' ? 1 : -1;
  const baseToNotional = q.mid / q.depthScale;
  let cap = MAX_WALK_OFFSET;
  if (limit) {
    // Distance beyond the spread at which the price reaches the limit.
    const limitOffset = dir * (toFloat(limit) / q.mid - 1) - q.halfSpread;
    if (limitOffset < 0) {
      // Inside the spread: only the best quote itself may still satisfy the limit after rounding.
      const best = bestPrice(q, side);
      if (side === 'buy' ? best.gt(limit) : best.lt(limit)) return EMPTY;
      cap = 0;
    } else {
      cap = Math.min(cap, limitOffset);
    }
  }
  const wantedOffset = offsetForNotional(toFloat(qty) * baseToNotional);
  let filled = qty;
  let end = wantedOffset;
  if (wantedOffset > cap) {
    end = cap;
    const available = floorTo(new Dec(cumulativeNotional(cap) / baseToNotional), q.stepSize);
    // At cap 0 the best quote still holds a sliver of depth; give it one band of MIN_BAND.
    const sliver = cap === 0 ? floorTo(new Dec(cumulativeNotional(MIN_BAND) / baseToNotional), q.stepSize) : ZERO;
    filled = Dec.min(qty, Dec.max(available, sliver));
    if (filled.lte(0)) return EMPTY;
  }
  const bands = Math.max(1, Math.min(MAX_FILLS_PER_WALK, Math.ceil(end / MIN_BAND)));
  const fills: WalkFill[] = [];
  let prevCum = ZERO;
  let prevX = 0;
  for (let k = 1; k <= bands; k++) {
    const x = (end * k) / bands;
    const cum = k === bands ? filled : Dec.min(filled, floorTo(new Dec(cumulativeNotional(x) / baseToNotional), q.stepSize));
    const chunk = cum.minus(prevCum);
    if (chunk.gt(0)) {
      fills.push({ qty: chunk, price: bandPrice(q, side, meanOffset(prevX, x), limit) });
      prevCum = cum;
      prevX = x;
    }
  }
  return { fills, filled, endOffset: end };
}

/**
 * A band's price: its exact mean, to the nearest tick, but never better than the best quote (a
 * taker cannot beat the top of the book) nor worse than the limit.
 */
function bandPrice(q: BookQuote, side: OrderSide, offset: number, limit: Dec | null): Dec {
  const dir = side === 'buy' ? 1 : -1;
  const raw = fromFloat(q.mid * (1 + dir * (q.halfSpread + offset)));
  const best = bestPrice(q, side);
  let p = roundTo(raw, q.tickSize);
  if (side === 'buy' ? p.lt(best) : p.gt(best)) p = best;
  if (limit && (side === 'buy' ? p.gt(limit) : p.lt(limit))) p = limit;
  return p.gt(0) ? p : q.tickSize;
}

/**
 * A float model price as a decimal, cut to 15 significant digits first: binary64 noise such as
 * 100005.00000000001 must not push a price onto the next tick when it is rounded outward.
 */
function fromFloat(x: number): Dec {
  return new Dec(x.toPrecision(15));
}

/** Volume-weighted average price of a set of fills (display only; the ledger uses each fill). */
export function averagePrice(fills: readonly WalkFill[]): Dec | null {
  let qty = ZERO;
  let value = ZERO;
  for (const f of fills) {
    qty = qty.plus(f.qty);
    value = value.plus(f.qty.mul(f.price));
  }
  return qty.gt(0) ? value.div(qty) : null;
}
