import type { z } from 'zod';
import type { GridInputSchema } from '#shared/ipc/channels/decay';
import { BLOCK_PATHS } from '#shared/risk/tokens/mc/kernel';
import type { McConfig } from '#shared/risk/tokens/mc/model';
import { mcRule } from './mc-rule';
import { blockTasks, runMcSummary, type McPoolOptions, type McTask } from './mc-pool';

/** FLOAT64 MONTE CARLO: cells[v][l] = median over paths of token / (S_T/S_0)^L, minus 1. */
export interface GridResult {
  readonly numbers: 'float64-monte-carlo';
  readonly volatilities: number[];
  readonly leverages: number[];
  readonly cells: number[][];
  readonly seconds: number;
}

/**
 * Median decay over volatility x leverage. Dividing by spot^L removes what the price did and
 * leaves the variance drain (Avellaneda-Zhang's exp((L - L^2)/2 x realised variance)), so cells
 * compare across leverages. Every cell is its own configuration on the shared worker pool.
 */
export async function runDecayGrid(input: z.output<typeof GridInputSchema>, pool: McPoolOptions = {}): Promise<GridResult> {
  const configs: McConfig[] = [];
  const tasks: McTask[] = [];
  for (const v of input.volatilities) {
    for (const L of input.leverages) {
      tasks.push(...blockTasks(configs.length, input.pathsPerCell, BLOCK_PATHS));
      configs.push({
        model: { type: 'gbm', drift: input.drift, volatility: v },
        days: input.days,
        stepsPerDay: 1,
        maintenanceMarginRate: 0.004,
        tokens: [{ leverage: L, rebalance: mcRule(input.rebalance), managementFeePerDay: input.fees.managementFeePerDay, fundingPerDay: input.fees.fundingPerDay }],
      });
    }
  }
  // The medians are taken on a worker (runMcSummary): main never loops over paths.
  const run = await runMcSummary(configs, input.seed, tasks, { kind: 'grid' }, pool);
  const cells: number[][] = input.volatilities.map((_, v) => run.summary.cells.slice(v * input.leverages.length, (v + 1) * input.leverages.length));
  return { numbers: 'float64-monte-carlo', volatilities: input.volatilities, leverages: input.leverages, cells, seconds: run.seconds };
}
