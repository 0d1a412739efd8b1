/**
 * The fan chart's quantiles without keeping every path's value at every checkpoint: each
 * (instrument, checkpoint) gets a histogram on log-spaced bins cut straight from the double's
 * bits (exponent and the top FAN_SUB_BITS of the mantissa: 64 bins an octave, at most 1.6% wide,
 * no log taken), with one bin for zero (wiped out or liquidated). Counts are integers, so adding
 * the histograms of blocks in any order (whichever worker ran them) gives the same numbers.
 * FLOAT64 ANALYTICS: quantiles interpolated inside a bin, good to a fraction of a percent.
 */
export const FAN_SUB_BITS = 6;
/** Octaves below and above 1 that get bins; values beyond land in the first or last bin. */
export const FAN_OCTAVES = 32;
export const FAN_BINS = 1 + 2 * FAN_OCTAVES * (1 << FAN_SUB_BITS);
const BIAS = (1023 - FAN_OCTAVES) << FAN_SUB_BITS;

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
/** Index of the 32-bit word holding sign, exponent and the top of the mantissa. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The bin of a value: 0 for zero (or below), then 1 .. FAN_BINS-1 along the log scale. */
export function fanBin(v: number): number {
  if (!(v > 0)) return 0;
  f64[0] = v;
  const b = (i32[HI]! >> (20 - FAN_SUB_BITS)) - BIAS + 1;
  return b < 1 ? 1 : b >= FAN_BINS ? FAN_BINS - 1 : b;
}

/** The lower edge of bin b >= 1. */
export function fanBinLow(b: number): number {
  const i = b - 1;
  const e = (i >> FAN_SUB_BITS) - FAN_OCTAVES;
  return 2 ** e * (1 + (i & ((1 << FAN_SUB_BITS) - 1)) / (1 << FAN_SUB_BITS));
}

/** Counts for rows (instrument x checkpoint) of FAN_BINS each. */
export function newFanHistogram(rows: number): Int32Array {
  return new Int32Array(rows * FAN_BINS);
}

export function addInto(into: Int32Array, from: Int32Array): void {
  for (let i = 0; i < into.length; i += 1) into[i] = into[i]! + from[i]!;
}

/**
 * Quantiles of one row (ascending qs), at rank q (n - 1) as R's type 7, placed inside the bin by
 * linear interpolation between its edges.
 */
export function rowQuantiles(h: Int32Array, row: number, qs: readonly number[]): number[] {
  const base = row * FAN_BINS;
  let n = 0;
  for (let b = 0; b < FAN_BINS; b += 1) n += h[base + b]!;
  if (n === 0) return qs.map(() => NaN);
  const out: number[] = [];
  let b = 0;
  let below = 0;
  for (const q of qs) {
    const rank = q * (n - 1);
    while (b < FAN_BINS - 1 && below + h[base + b]! <= rank) {
      below += h[base + b]!;
      b += 1;
    }
    if (b === 0) {
      out.push(0);
      continue;
    }
    const c = h[base + b]!;
    const frac = c > 0 ? (rank - below + 0.5) / c : 0;
    const lo = fanBinLow(b);
    const hi = b + 1 < FAN_BINS ? fanBinLow(b + 1) : lo;
    out.push(lo + Math.min(1, Math.max(0, frac)) * (hi - lo));
  }
  return out;
}
