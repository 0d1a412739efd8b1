import { z } from 'zod';

/** Which trips a view or statistic covers. Tags: every `all`, at least one of `any`, none of `none`. */
export const JournalFilterSchema = z
  .object({
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    accounts: z.array(z.string()).max(100).optional(),
    symbols: z.array(z.string()).max(500).optional(),
    sources: z.array(z.enum(['paper', 'import'])).optional(),
    /** Cash statistics are per settlement asset; absent = the asset with the most trips. */
    asset: z.string().max(16).optional(),
    tags: z
      .object({ all: z.array(z.string()).max(30).default([]), any: z.array(z.string()).max(30).default([]), none: z.array(z.string()).max(30).default([]) })
      .strict()
      .optional(),
  })
  .strict();
export type JournalFilter = z.infer<typeof JournalFilterSchema>;

export const SplitRowSchema = z.object({ key: z.string(), count: z.number().int(), wins: z.number().int(), losses: z.number().int(), net: z.number(), winRate: z.number().nullable(), avgR: z.number().nullable() });
export type SplitRow = z.infer<typeof SplitRowSchema>;

/**
 * Statistics over the filtered trips. These are analytics, not a ledger: cash figures are float64
 * sums of the trips' exact net results in ONE asset (`asset`), for charts and ratios. The exact
 * per-asset totals are the summary's (decimal strings).
 */
export const JournalStatsSchema = z.object({
  numbers: z.literal('float64'),
  asset: z.string().nullable(),
  /** Every settlement asset among the filtered trips, with its trip count. */
  assets: z.array(z.object({ asset: z.string(), trips: z.number().int() })),
  /**
   * Null unless the user asked for a conversion: then every cash figure is in `quote` (= `asset`),
   * each trip's net converted at a stored price at its close; trips without one are left out and
   * counted per asset in `missing`.
   */
  converted: z
    .object({ quote: z.string(), trips: z.number().int(), missing: z.array(z.object({ asset: z.string(), trips: z.number().int() })), note: z.string() })
    .nullable(),
  count: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  breakeven: z.number().int(),
  /** wins / (wins + losses): break-even trips counted apart. */
  winRate: z.number().nullable(),
  profitFactor: z.number().nullable(),
  expectancy: z.number().nullable(),
  expectancyR: z.number().nullable(),
  tripsWithR: z.number().int(),
  avgWin: z.number().nullable(),
  avgLoss: z.number().nullable(),
  totalNet: z.number(),
  rHistogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  equity: z.array(z.object({ t: z.number().int(), equity: z.number(), drawdown: z.number() })),
  maxDrawdown: z.object({ depth: z.number(), peakAt: z.number().int().nullable(), troughAt: z.number().int().nullable(), durationMs: z.number().int() }),
  calendar: z.array(z.object({ day: z.string(), net: z.number(), trips: z.number().int() })),
  /** [weekday 0=Mon..6=Sun][hour 0..23] of the close time (UTC): net and trip count. */
  heatmap: z.array(z.array(z.object({ net: z.number(), trips: z.number().int() }))),
  scatter: z.array(z.object({ id: z.string(), maePct: z.number(), mfePct: z.number(), net: z.number() })),
  /** Trips of the asset without MAE/MFE (no stored candles for their symbol, or no ticks). */
  scatterMissing: z.number().int(),
  splits: z.object({
    symbol: z.array(SplitRowSchema),
    side: z.array(SplitRowSchema),
    leverage: z.array(SplitRowSchema),
    marginMode: z.array(SplitRowSchema),
    tag: z.array(SplitRowSchema),
    setup: z.array(SplitRowSchema),
  }),
  ms: z.number(),
});
export type JournalStats = z.infer<typeof JournalStatsSchema>;
