import { z } from 'zod';
import { EstimateParamsSchema, HeatmapDetailSchema, HeatmapGridSchema, HeatmapLevelsViewSchema, HeatmapSourceSchema } from '../../domain/heatmap';

/**
 * The Heatmap view's channels. `auto` picks the engine when the session has a crowd or the trader
 * holds a position, the estimate otherwise. Times are market ms; omitted bounds take the
 * scenario's span (time) and ±30 % around its first mark (price).
 */
const Source = z.union([HeatmapSourceSchema, z.literal('auto')]).default('auto');
const Layers = z.object({ long: z.boolean(), short: z.boolean(), stops: z.boolean() }).strict().default({ long: true, short: true, stops: true });

export const heatmapChannels = {
  /** The time × price grid (Float32, base64) with the last/mark path over it. */
  'heatmap.grid': {
    input: z
      .object({
        source: Source,
        t0: z.number().optional(),
        t1: z.number().optional(),
        p0: z.number().positive().optional(),
        p1: z.number().positive().optional(),
        cols: z.number().int().min(10).max(2000).default(600),
        rows: z.number().int().min(10).max(1000).default(300),
        layers: Layers,
        estimate: EstimateParamsSchema.optional(),
        /** The version of the grid the view holds: the answer then carries only the columns that changed (`delta`). */
        base: z.string().optional(),
      })
      .strict(),
    output: HeatmapGridSchema,
  },
  /** Exact levels at t (default: the replay clock): the same document `levdesk heatmap` prints. */
  'heatmap.levels': {
    input: z.object({ source: Source, t: z.number().optional(), bins: z.number().int().min(1).max(2000).default(40), estimate: EstimateParamsSchema.optional() }).strict(),
    output: HeatmapLevelsViewSchema,
  },
  /** One level (bins + level index) or one grid cell (price range) in detail, exactly. */
  'heatmap.detail': {
    input: z
      .object({
        source: Source,
        t: z.number().optional(),
        bins: z.number().int().min(1).max(2000).optional(),
        level: z.number().int().nonnegative().optional(),
        priceFrom: z.number().nonnegative().optional(),
        priceTo: z.number().positive().optional(),
        estimate: EstimateParamsSchema.optional(),
      })
      .strict(),
    output: HeatmapDetailSchema,
  },
} as const;
