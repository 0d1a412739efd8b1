import { z } from 'zod';

/**
 * The simulated population of other traders. Part of a scenario; the engine builds the crowd
 * deterministically from these parameters (the seed is the only source of chance).
 * Owned by the engine; the scenario schema embeds it.
 */
export const CrowdParamsSchema = z.object({
  seed: z.number().int().nonnegative(),
  /** Number of traders (each holds at most one position per symbol, one-way). */
  traders: z.number().int().min(0).max(1_000_000),
  /** Share of traders that are long, 0..1. */
  longShare: z.number().min(0).max(1),
  /** Leverage buckets with weights; drawn per trader. */
  leverage: z
    .array(z.object({ leverage: z.number().min(1).max(125), weight: z.number().nonnegative() }))
    .min(1),
  /** Position notional in quote currency: log-normal with this median and log-sigma. */
  notional: z.object({ median: z.number().positive(), logSigma: z.number().nonnegative() }),
  /** Share of traders in cross margin (the rest isolated), 0..1. */
  crossShare: z.number().min(0).max(1),
  /** Share of traders with a stop-loss, and the stop distance as a fraction of entry (uniform range). */
  stops: z.object({
    share: z.number().min(0).max(1),
    minDistance: z.number().positive(),
    maxDistance: z.number().positive(),
  }),
  /** Entries spread over the first `entryWindowHours` of the replay (0 = all open at the start). */
  entryWindowHours: z.number().nonnegative(),
});
export type CrowdParams = z.infer<typeof CrowdParamsSchema>;
