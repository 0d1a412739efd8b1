import { z } from 'zod';
import { LabInputSchema, LabOutputSchema } from '../../domain/decay-lab';
import { horizonProblem, McFeesSchema, McModelSchema, McNumber, McRebalanceSchema } from '../../domain/decay-mc';

const NoInput = z.object({}).strict();

const Stats = z.object({ mean: z.number(), median: z.number(), p05: z.number(), p95: z.number(), standardError: z.number() });

/** The Decay view's Monte Carlo: FLOAT64 (seeded xoshiro128**), on worker threads. */
export const McViewInputSchema = z.strictObject({
  model: McModelSchema,
  days: z.number().int().min(1).max(3650),
  stepsPerDay: z.number().int().min(1).max(48).default(1),
  paths: z.number().int().min(100).max(1_000_000),
  seed: z.number().int().min(0).max(2 ** 31),
  tokens: z
    .array(z.strictObject({ leverage: McNumber.refine((x) => x !== 0 && Math.abs(x) <= 125, { message: 'must be non-zero, at most 125 in size' }), rebalance: McRebalanceSchema.default('daily'), fees: McFeesSchema }))
    .min(1)
    .max(8),
  maintenanceMarginRate: McNumber.default(0.004),
  fanPoints: z.number().int().min(0).max(400).default(60),
  histogramBins: z.number().int().min(0).max(200).default(40),
}).superRefine((doc, ctx) => {
  const horizon = horizonProblem(doc.model, doc.days);
  if (horizon) ctx.addIssue({ code: 'custom', path: ['days'], message: horizon });
});

export const McViewOutputSchema = z.object({
  numbers: z.literal('float64-monte-carlo'),
  paths: z.number().int(),
  perLeverage: z.array(
    z.object({
      leverage: z.number(),
      token: Stats.extend({ probBelowSpot: z.number(), meanRebalances: z.number() }),
      margin: Stats.extend({ liquidatedShare: z.number() }),
    }),
  ),
  spot: Stats,
  pathsPerSecond: z.number(),
  seconds: z.number(),
  fan: z.object({ days: z.array(z.number().int()), quantiles: z.array(z.number()), series: z.array(z.array(z.array(z.number()))) }).nullable(),
  histogram: z.object({ edges: z.array(z.number()), series: z.array(z.object({ counts: z.array(z.number().int()), zeros: z.number().int() })) }).nullable(),
});

/** Median decay over a volatility x leverage grid: median over paths of token / (S_T/S_0)^L, the variance drain. */
export const GridInputSchema = z.strictObject({
  drift: McNumber.refine((x) => Math.abs(x) <= 10, { message: 'is annual; between -10 and 10' }).default(0),
  volatilities: z.array(McNumber.refine((x) => x >= 0 && x <= 20, { message: 'is annual, 0 to 20' })).min(1).max(16),
  leverages: z.array(McNumber.refine((x) => x !== 0 && Math.abs(x) <= 125, { message: 'must be non-zero, at most 125 in size' })).min(1).max(16),
  days: z.number().int().min(1).max(3650),
  pathsPerCell: z.number().int().min(100).max(100_000).default(4000),
  seed: z.number().int().min(0).max(2 ** 31),
  rebalance: McRebalanceSchema.default('daily'),
  fees: McFeesSchema,
}).superRefine((doc, ctx) => {
  for (const v of doc.volatilities) {
    const horizon = horizonProblem({ type: 'gbm', drift: doc.drift, volatility: v }, doc.days);
    if (horizon) ctx.addIssue({ code: 'custom', path: ['days'], message: horizon });
  }
});

export const GridOutputSchema = z.object({
  numbers: z.literal('float64-monte-carlo'),
  volatilities: z.array(z.number()),
  leverages: z.array(z.number()),
  /** cells[v][l]: median of token / spot^L minus 1 (negative: decay). */
  cells: z.array(z.array(z.number())),
  seconds: z.number(),
});

export const decayChannels = {
  /** Exact decimal: tokens, margin positions and spot on one path (stored series, synthetic or typed). */
  'decay.simulate': { input: LabInputSchema, output: LabOutputSchema },
  /** Monte Carlo over N paths on worker threads (progress on decay.progress; decay.cancel stops it). */
  'decay.monteCarlo': { input: McViewInputSchema, output: McViewOutputSchema },
  'decay.grid': { input: GridInputSchema, output: GridOutputSchema },
  'decay.cancel': { input: NoInput, output: z.object({ cancelled: z.boolean() }) },
} as const;

export const decayEvents = {
  'decay.progress': z.object({ job: z.enum(['monte-carlo', 'grid']), done: z.number().int(), total: z.number().int() }),
} as const;
