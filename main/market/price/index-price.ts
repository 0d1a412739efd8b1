import { Dec, ONE, ZERO } from '#shared/money/decimal';

/** One source venue's latest price as the index sees it. */
export interface IndexSource {
  readonly venue: string;
  readonly price: Dec;
  /** When the venue last published (ms). */
  readonly updatedAt: number;
  readonly weight: Dec;
}

export interface IndexRules {
  /** Fraction around the median beyond which a source is an outlier (Binance: 0.01 for BTC and ETH). */
  readonly band: Dec;
  readonly outlier: 'clip' | 'drop';
  readonly staleMs: number;
}

export interface IndexResult {
  /** null when every source is stale: the caller holds the last index. */
  readonly index: Dec | null;
  readonly median: Dec | null;
  readonly stale: readonly string[];
  readonly outliers: readonly string[];
}

/** Index decimals, as Binance publishes index and mark prices. */
export const INDEX_DECIMALS = 8;

/**
 * The exchanges' price index (reference/exchange-mechanics.md §7, Binance):
 *  - a source silent for more than staleMs gets weight 0;
 *  - the median of the fresh sources anchors the outlier guard: a source more than `band` from
 *    the median is clipped to median × (1 ± band) (Binance's later rule) or, with 'drop', given
 *    weight 0 — and when more than one source is out, the index is the median (Binance 2020 FAQ);
 *  - the index is the weighted mean of what remains, rounded half-even to 8 decimals.
 * So one venue printing a wick moves the index by at most band × its weight share.
 */
export function computeIndex(sources: readonly IndexSource[], t: number, rules: IndexRules): IndexResult {
  const fresh: IndexSource[] = [];
  const stale: string[] = [];
  for (const s of sources) {
    if (t - s.updatedAt > rules.staleMs) stale.push(s.venue);
    else fresh.push(s);
  }
  if (fresh.length === 0) return { index: null, median: null, stale, outliers: [] };
  const median = medianOf(fresh.map((s) => s.price));
  const lo = median.mul(ONE.minus(rules.band));
  const hi = median.mul(ONE.plus(rules.band));
  const outliers: string[] = [];
  let num = ZERO;
  let den = ZERO;
  for (const s of fresh) {
    let p = s.price;
    if (p.lt(lo) || p.gt(hi)) {
      outliers.push(s.venue);
      if (rules.outlier === 'drop') continue;
      p = p.lt(lo) ? lo : hi;
    }
    num = num.plus(p.mul(s.weight));
    den = den.plus(s.weight);
  }
  let index: Dec;
  if (rules.outlier === 'drop' && (outliers.length > 1 || den.isZero())) index = median;
  else index = num.div(den);
  return { index: index.toDecimalPlaces(INDEX_DECIMALS, Dec.ROUND_HALF_EVEN), median, stale, outliers };
}

export function medianOf(xs: readonly Dec[]): Dec {
  if (xs.length === 0) throw new RangeError('median of nothing');
  const sorted = [...xs].sort((a, b) => a.comparedTo(b));
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : sorted[mid - 1]!.plus(sorted[mid]!).div(2);
}
