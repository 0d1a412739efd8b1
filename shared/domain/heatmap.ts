import { z } from 'zod';
import { DecimalString } from '../money/decimal';
import { SideSchema } from './exchange';

/**
 * The liquidation heatmap's wire types. Two sources: `engine` (ground truth: every simulated
 * position's liquidation price as the engine computes it, and the resting stops) and `estimate`
 * (a model over stored candles, the way the estimate sites work). Levels carry exact decimals;
 * the time × price grid is Float32 (an analytic picture, never a balance) and says so.
 */
export const HeatmapSourceSchema = z.enum(['engine', 'estimate']);
export type HeatmapSource = z.infer<typeof HeatmapSourceSchema>;

/** What sits in one price level: summed quantity, notional (quantity × mark at that time), count. */
export const LevelAmountSchema = z.object({ quantity: DecimalString, notional: DecimalString, count: z.number().int().nonnegative() });
export type LevelAmount = z.infer<typeof LevelAmountSchema>;

export const HeatmapLevelSchema = z.object({
  priceFrom: DecimalString,
  /** Exclusive, except for the highest level, which includes its upper bound. */
  priceTo: DecimalString,
  /** Long positions whose liquidation price lies in the level (they liquidate when the mark falls to it). */
  long: LevelAmountSchema,
  short: LevelAmountSchema,
  /** Resting stop orders whose trigger lies in the level (a stop that fires walks the book too). */
  stops: LevelAmountSchema,
});
export type HeatmapLevel = z.infer<typeof HeatmapLevelSchema>;

export const OwnPositionMarkSchema = z.object({ symbol: z.string(), side: SideSchema, quantity: DecimalString, liquidationPrice: DecimalString.nullable() });
export type OwnPositionMark = z.infer<typeof OwnPositionMarkSchema>;

/** What `levdesk heatmap` prints (and what the view's cursor map is drawn from). */
export const HeatmapLevelsSchema = z.object({
  at: z.string(),
  markPrice: DecimalString,
  source: HeatmapSourceSchema,
  levels: z.array(HeatmapLevelSchema),
  own: z.array(OwnPositionMarkSchema),
});
export type HeatmapLevels = z.infer<typeof HeatmapLevelsSchema>;

/**
 * A level's split for the cumulative map (binary64 quantities, a picture: exact amounts come from
 * heatmap.detail): per leverage band (LEVERAGE_BANDS) the long and short quantity, and by margin mode.
 */
export const LevelSplitSchema = z.object({ long: z.array(z.number()), short: z.array(z.number()), cross: z.number(), isolated: z.number(), mine: z.number().int() });
export type LevelSplit = z.infer<typeof LevelSplitSchema>;

/** The view's levels: the CLI's document plus each level's split. */
export const HeatmapLevelsViewSchema = HeatmapLevelsSchema.extend({ split: z.array(LevelSplitSchema), bins: z.number().int() });
export type HeatmapLevelsView = z.infer<typeof HeatmapLevelsViewSchema>;

/** Leverage bands of the cumulative map's split (upper bounds, inclusive). */
export const LEVERAGE_BANDS = [5, 10, 25, 50, 125] as const;

export const LEVEL_LAYERS = ['long', 'short', 'stops'] as const;
export type LevelLayer = (typeof LEVEL_LAYERS)[number];

/** One cell or level in detail: exact amounts and the leverage and margin-mode mix. */
export const HeatmapDetailSchema = z.object({
  t: z.number().int(),
  priceFrom: DecimalString,
  priceTo: DecimalString,
  markPrice: DecimalString.nullable(),
  long: LevelAmountSchema,
  short: LevelAmountSchema,
  stops: LevelAmountSchema,
  /** Per leverage band (upper bound) and side: quantity and count. */
  leverage: z.array(z.object({ upTo: z.number(), side: z.enum(['long', 'short']), quantity: DecimalString, count: z.number().int() })),
  cross: z.object({ quantity: DecimalString, count: z.number().int() }),
  isolated: z.object({ quantity: DecimalString, count: z.number().int() }),
  mine: z.number().int().nonnegative(),
});
export type HeatmapDetail = z.infer<typeof HeatmapDetailSchema>;

/** The estimate's parameters (shown in the view beside the ESTIMATED label). */
export const EstimateParamsSchema = z.object({
  /** Leverage mix: each candle's volume opens cohorts at these leverages in proportion to the weights. */
  leverage: z.array(z.object({ leverage: z.number().min(1).max(125), weight: z.number().nonnegative() })).min(1).max(12),
  /** A cohort halves every this many hours (positions closed for reasons other than liquidation). */
  halfLifeHours: z.number().positive().max(24 * 90),
  /** Share of each candle's volume that opens new leveraged positions. */
  participation: z.number().positive().max(1),
});
export type EstimateParams = z.infer<typeof EstimateParamsSchema>;

export const DEFAULT_ESTIMATE: EstimateParams = {
  leverage: [
    { leverage: 5, weight: 0.3 },
    { leverage: 10, weight: 0.3 },
    { leverage: 25, weight: 0.2 },
    { leverage: 50, weight: 0.12 },
    { leverage: 100, weight: 0.08 },
  ],
  halfLifeHours: 12,
  participation: 0.1,
};

/** One column of the price path (last and mark) over the grid's time axis. */
export const PathPointSchema = z.object({ t: z.number().int(), last: z.number(), mark: z.number(), low: z.number(), high: z.number() });

/**
 * A time × price grid. `data` is a base64 Float32Array (little-endian, column-major: cell (c, r)
 * at c × rows + r, r = 0 the lowest price) of the quantity whose liquidation price (or stop
 * trigger) lies in the cell at any moment of the column. Float32 on purpose: a picture.
 */
export const HeatmapGridSchema = z.object({
  source: HeatmapSourceSchema,
  t0: z.number(),
  t1: z.number(),
  p0: z.number(),
  p1: z.number(),
  cols: z.number().int().positive(),
  rows: z.number().int().positive(),
  /** The clock: columns after it are empty. */
  now: z.number().nullable(),
  data: z.string(),
  max: z.number(),
  path: z.array(PathPointSchema),
  estimate: EstimateParamsSchema.nullable(),
  /** Time the grid took to compute in main (ms). */
  computeMs: z.number(),
  /**
   * The engine's recorded past after a workspace reopened: 'complete', 'rebuilding' (a worker
   * replays the session's log), or 'from-resume' (the picture starts at historyFrom).
   */
  history: z.enum(['complete', 'rebuilding', 'from-resume']).default('complete'),
  /** Where the recorded picture starts when history is not complete (ms), else null. */
  historyFrom: z.number().nullable().default(null),
  /** This grid's version: asked for again with `base` set to it, the answer may be a delta. */
  version: z.string().nullable().default(null),
  /**
   * Null: `data` is the whole grid. Otherwise `data` holds only columns [from, to) (column-major)
   * and every other column is the grid of version `base`'s, which the view asked with.
   */
  delta: z.object({ base: z.string(), from: z.number().int().nonnegative(), to: z.number().int().nonnegative() }).nullable().default(null),
});
export type HeatmapGrid = z.infer<typeof HeatmapGridSchema>;
