import { z } from 'zod';
import { DecimalInput, DecimalString } from '../money/decimal';
import { McModelSchema, McNumber } from './decay-mc';
import { IntervalSchema, MarketSymbolSchema, VenueIdSchema } from './market-series';

const DAY_MS = 86_400_000;
/** A default decimal (defaults skip parsing, so they are written as wire strings). */
const w = (s: string): DecimalString => s as DecimalString;
const Time = z.union([z.number().int(), z.string().datetime({ offset: true }).transform((s) => Date.parse(s))]);

/**
 * A stored series as a decay path (`levdesk decay`'s "series", the Decay view's stored source).
 * Days run from `rebalanceHourUtc` to the same hour next day, so daily rebalancing, fees and
 * funding happen at that hour.
 */
export const SeriesRefSchema = z.strictObject({
  venue: VenueIdSchema,
  symbol: MarketSymbolSchema,
  interval: IntervalSchema,
  kind: z.enum(['trade', 'mark', 'index']).default('trade'),
  /** Epoch ms or ISO-8601 time; candles opening in [from, to). */
  from: Time,
  to: Time,
  /** "intraday" (default): each candle's open, nearer extreme, other extreme, close, so threshold rules meet the real highs and lows; "daily": closes only. */
  path: z.enum(['intraday', 'daily']).default('intraday'),
  rebalanceHourUtc: z.number().int().min(0).max(23).default(0),
});
export type SeriesRef = z.output<typeof SeriesRefSchema>;

/** The exact path's source. */
export const LabSourceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('series'), series: SeriesRefSchema }),
  /** One seeded path of the Monte Carlo model, rounded to 8 significant digits, then simulated exactly. */
  z.strictObject({ type: z.literal('synthetic'), model: McModelSchema, days: z.number().int().min(1).max(3650), stepsPerDay: z.number().int().min(1).max(96).default(1), seed: z.number().int().min(0).max(2 ** 31) }),
  /** Daily returns as fractions (0.1 = +10%), applied in order `repeat` times from a price of 100. */
  z
    .strictObject({ type: z.literal('returns'), returns: z.array(DecimalInput.refine((r) => Number(r) > -1 && Number(r) <= 1, { message: 'a daily return is a fraction in (-1, 1]' })).min(1).max(3650), repeat: z.number().int().min(1).max(3650).default(1) })
    .refine((x) => x.returns.length * x.repeat <= 3650, { message: 'returns x repeat must be at most 3650 days', path: ['repeat'] }),
]);

/** The rule presets of the view. */
export const LabRuleSchema = z.discriminatedUnion('kind', [
  /** Back to target at each daily close (at the series' rebalance hour). */
  z.strictObject({ kind: z.literal('daily') }),
  /** FTX: when |leverage| reaches maxAbsLeverage (4 for 3x), at the crossing price, plus the daily close. */
  z.strictObject({ kind: z.literal('ftx'), maxAbsLeverage: DecimalInput.default(w('4')) }),
  /**
   * Binance-style need-based band (OUR MODEL, Binance never published its rule): rebalance when
   * |leverage| leaves [min, max], to `target`, or with `targetFollow` (a fraction in [0, 1)) to a
   * variable target: target + follow x (the leverage the drift reached - target).
   */
  z.strictObject({
    kind: z.literal('band'),
    minAbsLeverage: DecimalInput.default(w('1.25')),
    maxAbsLeverage: DecimalInput.default(w('4')),
    target: DecimalInput.optional(),
    targetFollow: DecimalInput.refine((x) => Number(x) >= 0 && Number(x) < 1, { message: 'must be a fraction in [0, 1) (0 = a fixed target)' }).optional(),
  }),
  /** When price moves `band` from the last rebalance price (KuCoin/Amun 15%). */
  z.strictObject({ kind: z.literal('price-band'), band: DecimalInput.default(w('0.15')), daily: z.boolean().default(false) }),
]);
export type LabRule = z.output<typeof LabRuleSchema>;

export const LabTokenSchema = z.strictObject({
  leverage: DecimalInput.refine((x) => Number(x) !== 0 && Math.abs(Number(x)) <= 125, { message: 'must be non-zero, at most 125 in size' }),
  rule: LabRuleSchema,
  managementFeePerDay: DecimalInput.refine((x) => Number(x) >= 0 && Number(x) < 1, { message: 'must be a fraction in [0, 1)' }).default(w('0')),
});

export const LabInputSchema = z.strictObject({
  source: LabSourceSchema,
  tokens: z.array(LabTokenSchema).min(1).max(10),
  /** A static margin position beside each distinct token leverage. */
  margins: z.boolean().default(true),
  /** Constant funding per day, or the stored history of the series' window ("stored"). */
  funding: z.union([z.strictObject({ mode: z.literal('constant'), ratePerDay: DecimalInput.refine((x) => Math.abs(Number(x)) < 1, { message: 'must be a fraction between -1 and 1' }) }), z.strictObject({ mode: z.literal('stored') })]).default({ mode: 'constant', ratePerDay: w('0') }),
  maintenanceMarginRate: DecimalInput.refine((x) => Number(x) >= 0 && Number(x) < 1, { message: 'must be a fraction in [0, 1)' }).default(w('0.004')),
});
export type LabInput = z.input<typeof LabInputSchema>;

export const LabRowSchema = z.object({
  /** "token:3", "margin:3", "spot" (a repeated token leverage gets "#2", "#3"). */
  instrument: z.string(),
  kind: z.enum(['token', 'margin', 'spot']),
  label: z.string(),
  leverage: DecimalString.nullable(),
  valueEnd: DecimalString,
  return: DecimalString,
  maxDrawdown: DecimalString,
  rebalances: z.number().int().nullable(),
  turnover: DecimalString.nullable(),
  feesPaid: DecimalString.nullable(),
  fundingPaid: DecimalString.nullable(),
  /** 1 + L x spot return: what the leverage "promises". */
  naive: DecimalString.nullable(),
  /** Avellaneda-Zhang, FLOAT ANALYTIC (daily-rebalanced tokens only). */
  approximation: z.number().nullable(),
  /** Day the margin position was liquidated / the token wiped out. */
  endedDay: z.number().int().nullable(),
  liquidationPrice: DecimalString.nullable(),
  /** Value at the start and each daily close, 10 dp. */
  path: z.array(DecimalString),
  /** Rebalances: day, price and why. */
  events: z.array(z.object({ day: z.number().int(), price: DecimalString, reason: z.enum(['daily', 'threshold', 'gap']) })),
});
export type LabRow = z.infer<typeof LabRowSchema>;

export const LabOutputSchema = z.object({
  /** Time of the start and of each daily close (ms); synthetic and typed paths count days from 2024-01-01. */
  times: z.array(z.number().int()),
  /** The underlying at the start and each close. */
  prices: z.array(DecimalString),
  rows: z.array(LabRowSchema),
  vertices: z.number().int(),
  fundingSource: z.enum(['stored', 'constant']),
  /** What the path is, in words (e.g. "binance BTCUSDT 1h, 30 days from 2022-11-01 00:00 UTC, intraday"). */
  description: z.string(),
});
export type LabOutput = z.infer<typeof LabOutputSchema>;

export { DAY_MS, McNumber };
