import type { McBlock } from './kernel';
import { quantiles } from './select';

/**
 * Statistics over Monte Carlo terminal values. FLOAT64 ANALYTICS: quantiles and means of
 * Float64Array samples, not balances.
 */
export interface McStats {
  readonly mean: number;
  readonly median: number;
  readonly p05: number;
  readonly p95: number;
  /** Standard error of the mean (sample sd / sqrt(n)). */
  readonly standardError: number;
}

/** Quantile of sorted values, linear interpolation between order statistics (R type 7). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Mean, its standard error, and the 5/50/95% quantiles (by selection, not a sort). */
export function stats(values: Float64Array): McStats {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i += 1) ss += (values[i]! - mean) ** 2;
  const [p05, median, p95] = quantiles(values, [0.05, 0.5, 0.95]) as [number, number, number];
  return { mean, median, p05, p95, standardError: n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0 };
}

/** The blocks of one run, joined in block order (the order never depends on which worker ran what). */
export interface McJoined {
  readonly numbers: 'float64';
  readonly paths: number;
  readonly instruments: number;
  /** terminal[instrument x paths + path]. */
  readonly terminal: Float64Array;
  readonly liquidated: Uint8Array;
  readonly rebalances: Float64Array;
}

export function joinBlocks(blocks: readonly McBlock[], instruments: number): McJoined {
  const paths = blocks.reduce((n, b) => n + b.paths, 0);
  const K = (instruments - 1) / 2;
  const terminal = new Float64Array(instruments * paths);
  const liquidated = new Uint8Array(K * paths);
  const rebalances = new Float64Array(K);
  let at = 0;
  for (const b of blocks) {
    for (let i = 0; i < instruments; i += 1) terminal.set(b.terminal.subarray(i * b.paths, (i + 1) * b.paths), i * paths + at);
    for (let k = 0; k < K; k += 1) {
      liquidated.set(b.liquidated.subarray(k * b.paths, (k + 1) * b.paths), k * paths + at);
      rebalances[k] = rebalances[k]! + b.rebalances[k]!;
    }
    at += b.paths;
  }
  return { numbers: 'float64', paths, instruments, terminal, liquidated, rebalances };
}

export function instrumentValues(j: McJoined, instrument: number): Float64Array {
  return j.terminal.subarray(instrument * j.paths, (instrument + 1) * j.paths);
}

/** Share of paths where the token ended below spot. */
export function probBelow(a: Float64Array, b: Float64Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i]! < b[i]!) n += 1;
  return n / a.length;
}

export function share(flags: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < flags.length; i += 1) n += flags[i]!;
  return n / flags.length;
}

/** A histogram of values on log-spaced bins from lo to hi (values <= 0 go to a separate zero count). */
export function logHistogram(values: Float64Array, lo: number, hi: number, bins: number): { edges: number[]; counts: number[]; zeros: number } {
  const counts = new Array<number>(bins).fill(0);
  const a = Math.log(lo);
  const w = (Math.log(hi) - a) / bins;
  let zeros = 0;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i]!;
    if (!(v > 0)) {
      zeros += 1;
      continue;
    }
    const b = Math.min(bins - 1, Math.max(0, Math.floor((Math.log(v) - a) / w)));
    counts[b]! += 1;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, i) => Math.exp(a + i * w)), counts, zeros };
}
