import { z } from 'zod';

/**
 * Monte Carlo decay inputs (the `levdesk decay-mc` document and the Decay view's channel).
 * Numbers are FLOATS here on purpose: these parameterise distributions over thousands of paths,
 * not balances. Accepted as JSON numbers or numeric strings.
 */
const NUMERIC_RE = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
export const McNumber = z.union([z.number(), z.string().regex(NUMERIC_RE, { message: 'must be a number' }).transform(Number)]).refine(Number.isFinite, {
  message: 'must be a finite number',
});
const nonNegative = McNumber.refine((x) => x >= 0, { message: 'must not be negative' });
const positive = McNumber.refine((x) => x > 0, { message: 'must be greater than zero' });
const fraction = McNumber.refine((x) => x >= 0 && x < 1, { message: 'must be a fraction in [0, 1) (0.0003 = 0.03%)' });

export const McModelSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('gbm'),
    drift: McNumber.refine((x) => Math.abs(x) <= 10, { message: 'is annual (0.1 = 10%); between -10 and 10' }).default(0),
    volatility: nonNegative.refine((x) => x <= 20, { message: 'is annual (0.8 = 80%); at most 20' }),
  }),
  z.strictObject({
    type: z.literal('jump-diffusion'),
    drift: McNumber.refine((x) => Math.abs(x) <= 10, { message: 'is annual (0.1 = 10%); between -10 and 10' }).default(0),
    volatility: nonNegative.refine((x) => x <= 20, { message: 'is annual (0.8 = 80%); at most 20' }),
    jumpIntensity: nonNegative.refine((x) => x <= 10_000, { message: 'is jumps per year; at most 10000' }),
    jumpMean: McNumber.refine((x) => Math.abs(x) <= 5, { message: 'is the mean log jump; between -5 and 5' }),
    jumpVolatility: nonNegative.refine((x) => x <= 5, { message: 'is the sd of the log jump; at most 5' }),
  }),
]);

/**
 * Keeps a run's numbers inside float range: the log price's variance and drift over the horizon
 * must stay moderate (exp(+-700) overflows; long before that every statistic is 0 or infinite).
 */
export function horizonProblem(model: z.output<typeof McModelSchema>, days: number): string | null {
  const years = days / 365;
  const jumps = model.type === 'jump-diffusion' ? model.jumpIntensity * (model.jumpMean ** 2 + model.jumpVolatility ** 2) : 0;
  if ((model.volatility ** 2 + jumps) * years > 60) return 'the horizon is too long for this volatility (variance of the log price x years must be at most 60)';
  if (Math.abs(model.drift) * years > 60) return 'the horizon is too long for this drift (|drift| x years must be at most 60)';
  return null;
}

export const McRebalanceSchema = z.union([
  z.literal('daily'),
  z.strictObject({
    maxAbsLeverage: positive,
    minAbsLeverage: positive.optional(),
    rebalanceTo: McNumber.optional(),
    /** Variable target (our model of Binance's): a band rebalance goes to target + follow x (drifted leverage - target). */
    targetFollow: McNumber.refine((x) => x >= 0 && x < 1, { message: 'must be a fraction in [0, 1) (0 = a fixed target)' }).optional(),
    daily: z.boolean(),
  }),
  z.strictObject({ priceBand: positive.refine((x) => x < 1, { message: 'must be a fraction below 1 (0.15 = 15%)' }), daily: z.boolean() }),
]);
export type McRebalanceInput = z.output<typeof McRebalanceSchema>;

export const McFeesSchema = z.strictObject({ managementFeePerDay: fraction.default(0), fundingPerDay: McNumber.default(0) }).default({ managementFeePerDay: 0, fundingPerDay: 0 });

/** The largest run: paths x days x stepsPerDay vertices (about a minute on two cores). */
export const MC_MAX_VERTICES = 4_000_000_000;

export const DecayMcInputSchema = z
  .strictObject({
    model: McModelSchema,
    days: z.number().int().min(1).max(3650),
    stepsPerDay: z.number().int().min(1).max(288).default(1),
    paths: z.number().int().min(1).max(10_000_000),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(1),
    leverages: z.array(McNumber.refine((x) => x !== 0 && Math.abs(x) <= 125, { message: 'must be non-zero, at most 125 in size' })).min(1).max(12),
    rebalance: McRebalanceSchema.default('daily'),
    fees: McFeesSchema,
    maintenanceMarginRate: fraction.default(0.004),
  })
  .superRefine((doc, ctx) => {
    const horizon = horizonProblem(doc.model, doc.days);
    if (horizon) ctx.addIssue({ code: 'custom', path: ['days'], message: horizon });
    if (doc.paths * doc.days * doc.stepsPerDay > MC_MAX_VERTICES) {
      ctx.addIssue({ code: 'custom', path: ['paths'], message: `paths x days x stepsPerDay must be at most ${MC_MAX_VERTICES}` });
    }
    const r = doc.rebalance;
    if (typeof r === 'object' && 'maxAbsLeverage' in r) {
      doc.leverages.forEach((l, i) => {
        const target = r.rebalanceTo ?? l;
        if (!(r.maxAbsLeverage > Math.abs(target))) ctx.addIssue({ code: 'custom', path: ['rebalance', 'maxAbsLeverage'], message: `must be above the target leverage (${target} for leverages.${i})` });
        if (r.rebalanceTo !== undefined && Math.sign(r.rebalanceTo) !== Math.sign(l)) {
          ctx.addIssue({ code: 'custom', path: ['rebalance', 'rebalanceTo'], message: `must have the sign of the leverage (leverages.${i} is ${l})` });
        }
      });
    }
  });
export type DecayMcInput = z.output<typeof DecayMcInputSchema>;
