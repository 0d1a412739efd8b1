import { z } from 'zod';
import { decimalCheck, DecimalInput } from '../money/decimal';
import { CrowdParamsSchema } from './crowd';
import { ScenarioAccountSchema, ScenarioScriptSchema } from './trading-scenario';
import { IntervalSchema, MarketSymbolSchema, VenueIdSchema } from './market-series';

/**
 * A scenario: a small JSON document that says which market to replay and how its index, mark,
 * funding and liquidity behave. Users write their own; docs/scenarios.md documents every field.
 *
 * Every object is strict so that a typo ("volatilty") is an error naming the field rather than a
 * silently ignored setting. To add fields (the engine's scripted commands and starting account),
 * extend `scenarioShape` / `ScenarioSchema` with `.extend({...})`: unknown keys stay errors.
 *
 * Times inside the scenario are minutes from `start`, so a document can be moved in time by
 * changing one field.
 */

/** A UTC instant written as ISO 8601 with a trailing Z: "2022-11-08T00:00:00Z". */
export const UtcTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, { message: 'expected a UTC time such as "2022-11-08T00:00:00Z"' })
  .refine((s) => Number.isFinite(Date.parse(s)), { message: 'not a real calendar time' });

const PositivePrice = DecimalInput.refine(decimalCheck((d) => d.gt(0)), { message: 'must be greater than zero' });
const Fraction = z.number().min(0).max(1);
const Minute = z.number().int().nonnegative();
const Bps = z.number().min(0).max(10_000);

/** A market replayed from the workspace's stored candles. */
export const StoredMarketSchema = z
  .object({
    type: z.literal('stored'),
    /** Venue of the perpetual's trade candles (its last price). */
    venue: VenueIdSchema.default('binance'),
    interval: IntervalSchema,
    /**
     * 'model' derives the mark from the index and basis (median of price1, price2, last);
     * a stored mark series ({venue, interval}) is replayed as the real mark instead.
     */
    mark: z.union([z.literal('model'), z.object({ venue: VenueIdSchema, interval: IntervalSchema }).strict()]).default('model'),
  })
  .strict();

/** Annualised drift and volatility (0.6 = 60 %/yr), the usual GBM parameters. */
const diffusion = {
  startPrice: PositivePrice,
  drift: z.number().min(-10).max(10).default(0),
  volatility: z.number().min(0).max(20),
};

export const GbmMarketSchema = z.object({ type: z.literal('gbm'), ...diffusion }).strict();

/** Merton jump-diffusion: GBM plus Poisson jumps with normally distributed log sizes. */
export const JumpDiffusionMarketSchema = z
  .object({
    type: z.literal('jump-diffusion'),
    ...diffusion,
    jumpsPerDay: z.number().min(0).max(1000),
    jumpMean: z.number().min(-1).max(1),
    jumpStdev: z.number().min(0).max(1),
  })
  .strict();

/** A fall of dropPct over crashMinutes, a partial rebound, and a liquidity gap during the fall. */
export const FlashCrashMarketSchema = z
  .object({
    type: z.literal('flash-crash'),
    ...diffusion,
    crashAtMinute: Minute,
    crashMinutes: z.number().int().positive(),
    dropPct: z.number().gt(0).lt(1),
    /** Share of the drop recovered after the low (0.5 = half). */
    reboundShare: Fraction.default(0.5),
    reboundMinutes: z.number().int().positive().default(30),
    /** The book during the fall: depth as a share of normal, spread in bps. */
    gap: z.object({ depthScale: z.number().positive().max(1), spreadBps: Bps, extraMinutes: Minute.default(5) }).strict(),
  })
  .strict();

/** One source venue prints a wick (and the perp's last with it) while the others hold. */
export const VenueWickMarketSchema = z
  .object({
    type: z.literal('venue-wick'),
    ...diffusion,
    /** Must be one of index.venues. */
    venue: VenueIdSchema,
    atMinute: Minute,
    /** Signed: -0.1 is a 10 % downward wick. */
    wickPct: z.number().gt(-1).lt(10),
    wickSeconds: z.number().int().positive().max(3600),
    perpFollows: z.boolean().default(true),
  })
  .strict();

/** The perp trades at a persistent premium over the index (crowded longs): funding climbs. */
export const FundingSqueezeMarketSchema = z
  .object({
    type: z.literal('funding-squeeze'),
    ...diffusion,
    /** Premium of last over the index once established, in bps (negative: a discount). */
    premiumBps: z.number().min(-1000).max(1000),
    rampMinutes: Minute.default(60),
  })
  .strict();

export const ScenarioMarketSchema = z.discriminatedUnion('type', [
  StoredMarketSchema,
  GbmMarketSchema,
  JumpDiffusionMarketSchema,
  FlashCrashMarketSchema,
  VenueWickMarketSchema,
  FundingSqueezeMarketSchema,
]);
export type ScenarioMarket = z.output<typeof ScenarioMarketSchema>;
export type MarketModelType = ScenarioMarket['type'];

/** A source venue of the index. Its price is MODELLED (see docs/scenarios.md), never presented as real. */
export const IndexVenueSchema = z
  .object({
    id: VenueIdSchema,
    weight: z.number().positive(),
    /** Standard deviation of the venue's price around the anchor, in bps per step. */
    noiseBps: Bps.default(2),
    /** The venue follows the anchor this late (ms): fast moves show up later on slow venues. */
    lagMs: z.number().int().nonnegative().max(600_000).default(0),
    /** Minutes (from start) when the venue stops publishing: exercises the stale-source rule. */
    outages: z.array(z.object({ fromMinute: Minute, toMinute: Minute }).strict()).default([]),
  })
  .strict();
export type IndexVenue = z.output<typeof IndexVenueSchema>;

export const DEFAULT_INDEX_VENUES: readonly z.input<typeof IndexVenueSchema>[] = [
  { id: 'binance-spot', weight: 30, noiseBps: 1, lagMs: 0 },
  { id: 'coinbase', weight: 25, noiseBps: 2, lagMs: 1000 },
  { id: 'okx', weight: 20, noiseBps: 2, lagMs: 500 },
  { id: 'bybit', weight: 15, noiseBps: 2, lagMs: 500 },
  { id: 'kraken', weight: 10, noiseBps: 3, lagMs: 2000 },
];

export const IndexRulesSchema = z
  .object({
    venues: z.array(IndexVenueSchema).min(1).max(16).default(() => DEFAULT_INDEX_VENUES.map((v) => IndexVenueSchema.parse(v))),
    /** Band around the median: Binance documents 1 % for the BTC and ETH indices, 3 % otherwise. */
    bandPct: z.number().gt(0).max(0.5).default(0.01),
    /** 'clip' moves an outlier to the band's edge (Binance's later rule); 'drop' gives it weight 0. */
    outlier: z.enum(['clip', 'drop']).default('clip'),
    /** A venue silent for longer than this gets weight 0 (Binance: 5 min in its later text). */
    staleMs: z.number().int().positive().default(300_000),
  })
  .strict();

export const MarkRulesSchema = z
  .object({
    /** Window of the moving average of the basis (Binance: 5 min). */
    basisWindowMs: z.number().int().positive().max(3_600_000).default(300_000),
    /** The basis average is capped at ±basisCapBps of the index before it enters price 2. */
    basisCapBps: Bps.default(100),
  })
  .strict();

export const FundingRulesSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('history'), venue: VenueIdSchema.default('binance') }).strict(),
  z
    .object({
      source: z.literal('model'),
      intervalHours: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8)]).default(8),
      /** Interest component per interval (Binance: 0.01 % per 8 h). */
      interestBps: z.number().min(-100).max(100).default(1),
      /** clamp(I - P̄, ±clampBps) (Binance: ±0.05 %). */
      clampBps: Bps.default(5),
      /** Final cap on the rate (the -0.3 % floor seen on 2020-03-13). */
      capBps: Bps.default(30),
    })
    .strict(),
]);

/** Inputs of the engine's order-book model over time (see MarketTick.liquidity). */
export const LiquiditySchema = z
  .object({
    depthScale: z.number().positive().max(100).default(1),
    spreadBps: Bps.default(1),
    /** Windows (minutes from start) that override the base; the later window wins where two overlap. */
    windows: z
      .array(z.object({ fromMinute: Minute, toMinute: Minute, depthScale: z.number().positive().max(100), spreadBps: Bps }).strict())
      .default([]),
  })
  .strict();

/** The fields of a scenario, exported so that later fields can be added with .extend(). */
export const scenarioShape = {
  name: z.string().min(1).max(120),
  description: z.string().max(4000).default(''),
  symbol: MarketSymbolSchema,
  start: UtcTimeSchema,
  durationMinutes: z.number().int().positive().max(366 * 1440),
  /** The only source of chance: same seed, same ticks. */
  seed: z.number().int().nonnegative().max(0xffff_ffff),
  /** Price grid of the perp's last (e.g. "0.1"); default: the decimals of the stored data, or 0.1. */
  tickSize: PositivePrice.optional(),
  /** Market time between ticks (ms); default: a quarter of the candle interval, at most 60 s. */
  stepMs: z.number().int().min(100).max(3_600_000).optional(),
  market: ScenarioMarketSchema,
  index: IndexRulesSchema.default(() => IndexRulesSchema.parse({})),
  mark: MarkRulesSchema.default(() => MarkRulesSchema.parse({})),
  funding: FundingRulesSchema.default(() => FundingRulesSchema.parse({ source: 'model' })),
  liquidity: LiquiditySchema.default(() => LiquiditySchema.parse({})),
  crowd: CrowdParamsSchema.optional(),
  /** The trader's starting account for paper trading (defaults: 10,000 USDT, Binance, 10x isolated). */
  account: ScenarioAccountSchema.optional(),
  /** Timed trader commands, applied in order during the replay (headless runs, demos, tests). */
  script: ScenarioScriptSchema.default([]),
};

type ScenarioCore = z.output<z.ZodObject<typeof scenarioShape>>;

/**
 * Cross-field rules. Exported so that an extended schema can apply them too:
 * z.object({ ...scenarioShape, account: … }).strict().superRefine(checkScenario).
 */
export function checkScenario(s: ScenarioCore, ctx: z.core.$RefinementCtx<ScenarioCore>): void {
  const market = s.market;
  if (market.type === 'venue-wick' && !s.index.venues.some((v) => v.id === market.venue)) {
    ctx.addIssue({ code: 'custom', path: ['market', 'venue'], message: `"${market.venue}" is not one of index.venues` });
  }
  const ids = new Set<string>();
  s.index.venues.forEach((v, i) => {
    if (ids.has(v.id)) ctx.addIssue({ code: 'custom', path: ['index', 'venues', i, 'id'], message: `venue "${v.id}" is listed twice` });
    ids.add(v.id);
    v.outages.forEach((o, j) => {
      if (o.toMinute <= o.fromMinute) ctx.addIssue({ code: 'custom', path: ['index', 'venues', i, 'outages', j, 'toMinute'], message: 'must be after fromMinute' });
    });
  });
  s.liquidity.windows.forEach((w, i) => {
    if (w.toMinute <= w.fromMinute) ctx.addIssue({ code: 'custom', path: ['liquidity', 'windows', i, 'toMinute'], message: 'must be after fromMinute' });
  });
}

export const ScenarioSchema = z.object(scenarioShape).strict().superRefine(checkScenario);
export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

export function scenarioStartMs(s: Pick<Scenario, 'start'>): number {
  return Date.parse(s.start);
}

export function scenarioEndMs(s: Pick<Scenario, 'start' | 'durationMinutes'>): number {
  return Date.parse(s.start) + s.durationMinutes * 60_000;
}

/** A scenario as listed: built-ins ship with the app, saved ones live in the workspace. */
export const ScenarioEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  origin: z.enum(['builtin', 'saved']),
  name: z.string(),
  description: z.string(),
  symbol: z.string(),
  marketType: z.string(),
  start: z.string(),
  durationMinutes: z.number().int(),
  /** The document as written (JSON text), for the editor. */
  json: z.string(),
});
export type ScenarioEntry = z.infer<typeof ScenarioEntrySchema>;
