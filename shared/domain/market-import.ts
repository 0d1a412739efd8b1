import { z } from 'zod';
import { CandleKindSchema, IntervalSchema, MarketSymbolSchema, VenueIdSchema } from './market-series';

/**
 * Importing exchange files: what the caller may declare, and what comes back. Anything the
 * importer had to infer (the kind of a zero-volume kline file, a local-time offset) is declared
 * in the summary's `assumptions`, never silently applied.
 */

export const IMPORT_FORMATS = [
  'binance-klines', // USDⓈ-M / spot / COIN-M klines, markPrice / indexPrice / premiumIndex klines (12 columns)
  'binance-funding', // monthly fundingRate: calc_time, funding_interval_hours, last_funding_rate
  'bybit-funding', // Symbol, Date (local time), Funding Rate
  'binance-book-depth', // bookDepth: timestamp, percentage, depth, notional
  'generic-ohlcv', // any CSV with a time column and open/high/low/close (volume optional)
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);

/** Which CSV header names hold what, for generic OHLCV files (names are matched case-insensitively). */
export const ColumnMapSchema = z
  .object({
    time: z.string().min(1),
    open: z.string().min(1),
    high: z.string().min(1),
    low: z.string().min(1),
    close: z.string().min(1),
    volume: z.string().min(1).optional(),
  })
  .strict();
export type ColumnMap = z.infer<typeof ColumnMapSchema>;

/** "+03:00", "-05:30", "Z". Used for files whose times are local, not UTC. */
export const UtcOffsetSchema = z.string().regex(/^(Z|[+-]\d{2}:\d{2})$/, { message: 'an offset such as "+03:00", "-05:00" or "Z"' });

export const ImportOptionsSchema = z
  .object({
    format: ImportFormatSchema.optional(),
    venue: VenueIdSchema.optional(),
    symbol: MarketSymbolSchema.optional(),
    interval: IntervalSchema.optional(),
    kind: CandleKindSchema.optional(),
    /** Times in the file are local at this offset; omit to detect (Bybit funding) or assume UTC. */
    utcOffset: UtcOffsetSchema.optional(),
    columns: ColumnMapSchema.optional(),
  })
  .strict();
export type ImportOptions = z.infer<typeof ImportOptionsSchema>;

/** Where a bad file went wrong: 1-based line and column (field index), what was expected and found. */
export const ImportProblemSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  field: z.string(),
  expected: z.string(),
  found: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportWarningSchema = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  message: z.string(),
  /** For gaps: open times of the first and last missing candle. */
  range: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
});
export type ImportWarning = z.infer<typeof ImportWarningSchema>;

export const IMPORT_TARGETS = ['candles', 'funding', 'depth'] as const;
export const ImportTargetSchema = z.enum(IMPORT_TARGETS);

export const ImportedSeriesSchema = z.object({
  target: ImportTargetSchema,
  venue: VenueIdSchema,
  symbol: MarketSymbolSchema,
  interval: IntervalSchema.nullable(),
  kind: CandleKindSchema.nullable(),
  rowsRead: z.number().int().nonnegative(),
  rowsAdded: z.number().int().nonnegative(),
  /** Rows already in the workspace with the same values (a second import of the same file). */
  rowsAlreadyStored: z.number().int().nonnegative(),
  /** Rows already in the workspace with DIFFERENT values: the stored values were kept. */
  rowsConflicting: z.number().int().nonnegative(),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
});
export type ImportedSeries = z.infer<typeof ImportedSeriesSchema>;

export const ImportFileSummarySchema = z.object({
  file: z.string(),
  format: ImportFormatSchema,
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
  series: z.array(ImportedSeriesSchema),
  assumptions: z.array(z.string()),
  warnings: z.array(ImportWarningSchema),
  /** Warnings beyond the listed ones (a file with 10,000 gaps lists the first few). */
  warningsNotListed: z.number().int().nonnegative(),
});
export type ImportFileSummary = z.infer<typeof ImportFileSummarySchema>;

export const ImportSummarySchema = z.object({
  files: z.array(ImportFileSummarySchema),
  rowsRead: z.number().int().nonnegative(),
  rowsAdded: z.number().int().nonnegative(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const IMPORT_PHASES = ['reading', 'committing', 'done', 'failed'] as const;
export const ImportProgressSchema = z.object({
  importId: z.string(),
  phase: z.enum(IMPORT_PHASES),
  file: z.string(),
  fileIndex: z.number().int().nonnegative(),
  fileCount: z.number().int().positive(),
  bytesRead: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  /** Present when phase is 'failed'. */
  problem: ImportProblemSchema.optional(),
  message: z.string().optional(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;
