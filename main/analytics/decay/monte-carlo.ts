import { BLOCK_PATHS } from '#shared/risk/tokens/mc/kernel';
import type { McConfig } from '#shared/risk/tokens/mc/model';
import type { McSummary } from '#shared/risk/tokens/mc/summarise';
import { blockTasks, runMcSummary, type McPoolOptions } from './mc-pool';

export { FAN_QUANTILES, type McHistogram } from '#shared/risk/tokens/mc/summarise';

export interface McRunInput extends Omit<McConfig, 'checkpointDays'> {
  readonly paths: number;
  readonly seed: number;
  /** How many evenly spaced days (start and end included) the fan chart samples; 0 for none. */
  readonly fanPoints?: number;
  /** Histogram bins of terminal values (0 for none). */
  readonly histogramBins?: number;
}

/**
 * FLOAT64 MONTE CARLO RESULT: means and quantiles over Float64Array samples from a seeded
 * xoshiro128** generator, values normalised to a start of 1. Distributions, never balances.
 * The fan's quantiles come from log-spaced histograms (fan-histogram.ts); the terminal
 * statistics are exact order statistics.
 */
export interface McRunResult extends Omit<McSummary, 'kind'> {
  readonly numbers: 'float64-monte-carlo';
  readonly pathsPerSecond: number;
  readonly seconds: number;
  /** Worker CPU time of the simulation, summed over threads (null off Linux). */
  readonly cpuSeconds: number | null;
}

export function fanDays(days: number, points: number): number[] {
  if (points <= 0) return [];
  const n = Math.min(points, days + 1);
  const out = new Set<number>();
  for (let i = 0; i < n; i += 1) out.add(Math.round((i * days) / Math.max(1, n - 1)));
  return [...out];
}

/** Runs and summarises on worker threads; main only routes messages. */
export async function runDecayMonteCarlo(input: McRunInput, pool: McPoolOptions = {}): Promise<McRunResult> {
  const days = fanDays(input.days, input.fanPoints ?? 0);
  const cfg: McConfig = { model: input.model, days: input.days, stepsPerDay: input.stepsPerDay, tokens: input.tokens, maintenanceMarginRate: input.maintenanceMarginRate, checkpointDays: days };
  const run = await runMcSummary([cfg], input.seed, blockTasks(0, input.paths, BLOCK_PATHS), { kind: 'mc', histogramBins: input.histogramBins ?? 0 }, pool);
  const { kind: _kind, ...summary } = run.summary;
  return {
    numbers: 'float64-monte-carlo',
    ...summary,
    pathsPerSecond: run.seconds > 0 ? summary.paths / run.seconds : 0,
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
  };
}
