import { z } from 'zod';
import { CandleSchema } from '../../domain/market-series';
import { JournalImportResultSchema, JournalSummarySchema } from '../../journal/journal-import';
import { JournalFilterSchema, JournalStatsSchema } from '../../journal/journal-stats';
import { JournalTripSchema, TripAnnotationSchema, TripFillSchema } from '../../journal/journal-trip';

const TripId = z.string().min(1).max(400);
const Account = z.string().min(1).max(64);
/** Only when the user asks: cash figures converted into this asset at stored candle prices. */
const ConvertTo = z.string().regex(/^[A-Z0-9]{2,12}$/, 'an asset such as USDT').optional();

export const journalChannels = {
  /** Round trips (paper and imported), filtered, sorted by a table column, one page at a time. */
  'journal.trips': {
    input: z
      .object({
        filter: JournalFilterSchema.default({}),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(500).default(100),
        sort: z.object({ id: z.string().max(40), desc: z.boolean() }).strict().nullable().default(null),
      })
      .strict(),
    output: z.object({ total: z.number().int().nonnegative(), rows: z.array(JournalTripSchema) }),
  },
  /** One trip with its fills and the bars for its chart (stored candles or engine ticks; offline). */
  'journal.trip': {
    input: z.object({ id: TripId }).strict(),
    output: z.object({ trip: JournalTripSchema, fills: z.array(TripFillSchema), candles: z.array(CandleSchema), chartNote: z.string() }),
  },
  'journal.stats': { input: z.object({ filter: JournalFilterSchema.default({}), convertTo: ConvertTo }).strict(), output: JournalStatsSchema },
  'journal.summary': { input: z.object({ account: Account.optional(), convertTo: ConvertTo }).strict(), output: JournalSummarySchema },
  /** What the filters can choose from. */
  'journal.options': {
    input: z.object({}).strict(),
    output: z.object({ accounts: z.array(z.string()), symbols: z.array(z.string()), assets: z.array(z.string()), tags: z.array(z.string()), setups: z.array(z.string()) }),
  },
  /**
   * Imports account exports all-or-nothing (paths from the file picker or the web host's upload).
   * `preview` reads and counts what would be added without writing. A bad file answers BAD_INPUT
   * naming file, line and column.
   */
  'journal.import': {
    input: z
      .object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100), names: z.array(z.string().max(255)).optional(), account: Account.optional(), preview: z.boolean().default(false) })
      .strict()
      .refine((x) => !x.names || x.names.length === x.paths.length, { message: 'names must have one entry per path', path: ['names'] }),
    output: JournalImportResultSchema,
  },
  /** Notes (markdown), tags, setup, mistakes and rating of a trip. */
  'journal.annotate': { input: z.object({ id: TripId, annotation: TripAnnotationSchema }).strict(), output: z.object({ trip: JournalTripSchema }) },
} as const;
