import { Dec, ONE } from '#shared/money/decimal';
import { INDEX_DECIMALS } from './index-price';

export interface MarkInputs {
  readonly index: Dec;
  readonly last: Dec;
  /** The funding rate expected at the next settlement (Binance's "last funding rate" field). */
  readonly fundingRate: Dec;
  /** Milliseconds to the next settlement and the funding interval. */
  readonly toFundingMs: number;
  readonly fundingIntervalMs: number;
  /** Moving average of (mid - index) over the basis window. */
  readonly basisAverage: Dec;
  /** The average basis is capped at ±cap × index before it enters price 2. */
  readonly basisCap: Dec;
}

export interface MarkResult {
  readonly mark: Dec;
  readonly price1: Dec;
  readonly price2: Dec;
}

/**
 * Binance/Bybit mark price (reference/exchange-mechanics.md §7):
 *   price1 = index × (1 + funding rate × time to funding / interval)
 *   price2 = index + MA(basis), the average capped at ±basisCap × index
 *   mark   = median(price1, price2, last)
 * The perp's mid is taken as its last price (the book is symmetric around last in our model).
 * price1 and price2 are rounded half-even to 8 decimals, as the exchanges publish the mark.
 */
export function computeMark(m: MarkInputs): MarkResult {
  const price1 = m.index
    .mul(ONE.plus(m.fundingRate.mul(m.toFundingMs).div(m.fundingIntervalMs)))
    .toDecimalPlaces(INDEX_DECIMALS, Dec.ROUND_HALF_EVEN);
  const cap = m.index.mul(m.basisCap);
  const basis = Dec.min(Dec.max(m.basisAverage, cap.neg()), cap);
  const price2 = m.index.plus(basis).toDecimalPlaces(INDEX_DECIMALS, Dec.ROUND_HALF_EVEN);
  return { mark: median3(price1, price2, m.last), price1, price2 };
}

export function median3(a: Dec, b: Dec, c: Dec): Dec {
  if (a.gt(b)) [a, b] = [b, a];
  if (b.gt(c)) b = c;
  return a.gt(b) ? a : b;
}
