import { BLOCK_PATHS } from '#shared/risk/tokens/mc/kernel';
import { instrumentCount, type McConfig } from '#shared/risk/tokens/mc/model';
import { fan, instrumentValues, joinBlocks, logHistogram, probBelow, share, stats, type McStats } from '#shared/risk/tokens/mc/summary';
import { blockTasks, runMcTasks, type McPoolOptions } from './mc-pool';

export interface McRunInput extends Omit<McConfig, 'checkpointDays'> {
  readonly paths: number;
  readonly seed: number;
  /** How many evenly spaced days (start and end included) the fan chart samples; 0 for none. */
  readonly fanPoints?: number;
  /** Histogram bins of terminal values (0 for none). */
  readonly histogramBins?: number;
}

export interface McHistogram {
  /** Log-spaced bin edges shared by every instrument. */
  readonly edges: number[];
  /** Per instrument (tokens, margins, spot): counts per bin, and how many paths ended at 0. */
  readonly series: { readonly counts: number[]; readonly zeros: number }[];
}

/**
 * FLOAT64 MONTE CARLO RESULT: means and quantiles over Float64Array samples from a seeded
 * xoshiro128** generator, values normalised to a start of 1. Distributions, never balances.
 */
export interface McRunResult {
  readonly numbers: 'float64-monte-carlo';
  readonly paths: number;
  readonly perLeverage: {
    readonly leverage: number;
    readonly token: McStats & { readonly probBelowSpot: number; readonly meanRebalances: number };
    readonly margin: McStats & { readonly liquidatedShare: number };
  }[];
  readonly spot: McStats;
  readonly pathsPerSecond: number;
  readonly seconds: number;
  /** Days sampled by the fan chart, and per instrument the 5/25/50/75/95% quantiles at each. */
  readonly fan: { readonly days: number[]; readonly quantiles: number[]; readonly series: number[][][] } | null;
  readonly histogram: McHistogram | null;
}

export const FAN_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export function fanDays(days: number, points: number): number[] {
  if (points <= 0) return [];
  const n = Math.min(points, days + 1);
  const out = new Set<number>();
  for (let i = 0; i < n; i += 1) out.add(Math.round((i * days) / Math.max(1, n - 1)));
  return [...out];
}

export async function runDecayMonteCarlo(input: McRunInput, pool: McPoolOptions = {}): Promise<McRunResult> {
  const days = fanDays(input.days, input.fanPoints ?? 0);
  const cfg: McConfig = { model: input.model, days: input.days, stepsPerDay: input.stepsPerDay, tokens: input.tokens, maintenanceMarginRate: input.maintenanceMarginRate, checkpointDays: days };
  const run = await runMcTasks([cfg], input.seed, blockTasks(0, input.paths, BLOCK_PATHS), pool);
  const instruments = instrumentCount(cfg);
  const j = joinBlocks(run.blocks, instruments, days.length);
  const K = cfg.tokens.length;
  const spot = instrumentValues(j, 2 * K);
  const perLeverage = cfg.tokens.map((t, k) => {
    const tok = instrumentValues(j, k);
    return {
      leverage: t.leverage,
      token: { ...stats(tok), probBelowSpot: probBelow(tok, spot), meanRebalances: j.rebalances[k]! / j.paths },
      margin: { ...stats(instrumentValues(j, K + k)), liquidatedShare: share(j.liquidated.subarray(k * j.paths, (k + 1) * j.paths)) },
    };
  });
  let histogram: McHistogram | null = null;
  if ((input.histogramBins ?? 0) > 0) {
    let lo = Infinity;
    let hi = 0;
    for (const v of j.terminal) {
      if (v > 0 && v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (!(hi > lo)) hi = lo * 1.01;
    const bins = input.histogramBins!;
    const all = Array.from({ length: instruments }, (_, i) => logHistogram(instrumentValues(j, i), lo, hi, bins));
    histogram = { edges: all[0]!.edges, series: all.map((h) => ({ counts: h.counts, zeros: h.zeros })) };
  }
  return {
    numbers: 'float64-monte-carlo',
    paths: j.paths,
    perLeverage,
    spot: stats(spot),
    pathsPerSecond: run.seconds > 0 ? j.paths / run.seconds : 0,
    seconds: run.seconds,
    fan: days.length > 0 ? { days, quantiles: [...FAN_QUANTILES], series: Array.from({ length: instruments }, (_, i) => fan(j, i, FAN_QUANTILES)) } : null,
    histogram,
  };
}
