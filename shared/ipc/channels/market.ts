import { z } from 'zod';
import { ImportOptionsSchema, ImportProgressSchema, ImportSummarySchema } from '../../domain/market-import';
import {
  CandleSchema,
  DepthSeriesInfoSchema,
  FundingRateSchema,
  FundingSeriesInfoSchema,
  GapSchema,
  IntervalSchema,
  MarketSymbolSchema,
  SeriesInfoSchema,
  VenueIdSchema,
} from '../../domain/market-series';
import { ScenarioEntrySchema } from '../../domain/scenario';

const NoInput = z.object({}).strict();
const Time = z.number().int();
const FieldIssueSchema = z.object({ path: z.string(), message: z.string() });
const ScenarioIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'a scenario id is lowercase letters, digits and "-"' });

export const marketChannels = {
  /** Every stored series with its coverage, plus funding and depth holdings. */
  'market.series': {
    input: NoInput,
    output: z.object({
      series: z.array(SeriesInfoSchema),
      funding: z.array(FundingSeriesInfoSchema),
      depth: z.array(DepthSeriesInfoSchema),
      importing: z.boolean(),
    }),
  },
  /** Candles of a series for a chart: at most maxBars, aggregated (exactly) to a coarser interval if needed. */
  'market.bars': {
    input: z.object({ seriesId: z.number().int().positive(), from: Time.optional(), to: Time.optional(), maxBars: z.number().int().min(10).max(5000).default(1500) }).strict(),
    output: z.object({ interval: IntervalSchema, aggregated: z.boolean(), candles: z.array(CandleSchema) }),
  },
  /** Every gap of a series in a range (the series list carries only the first ones). */
  'market.gaps': {
    input: z.object({ seriesId: z.number().int().positive(), from: Time.optional(), to: Time.optional(), limit: z.number().int().min(1).max(10_000).default(1000) }).strict(),
    output: z.object({ gaps: z.array(GapSchema) }),
  },
  'market.funding': {
    input: z.object({ venue: VenueIdSchema, symbol: MarketSymbolSchema, from: Time.optional(), to: Time.optional() }).strict(),
    output: z.object({ rates: z.array(FundingRateSchema) }),
  },
  /**
   * Imports files all-or-nothing (progress on market.importProgress). Paths come from the native
   * file picker / drop (Electron) or from the web host's upload endpoint. `names` are what to call
   * them in messages (an upload's original file name), one per path.
   */
  'market.import': {
    input: z
      .object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(500), names: z.array(z.string().max(255)).optional(), options: ImportOptionsSchema.default({}) })
      .strict()
      .refine((x) => !x.names || x.names.length === x.paths.length, { message: 'names must have one entry per path', path: ['names'] }),
    output: ImportSummarySchema,
  },
  'market.cancelImport': { input: NoInput, output: z.object({ cancelled: z.boolean() }) },
  'market.deleteSeries': { input: z.object({ seriesId: z.number().int().positive() }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Built-in and saved scenarios. */
  'market.scenarios': { input: NoInput, output: z.object({ scenarios: z.array(ScenarioEntrySchema) }) },
  /**
   * Checks scenario JSON: schema issues by field, then whether the workspace holds its data.
   * Never refuses: the answer says what is wrong, for the editor to show.
   */
  'market.checkScenario': {
    input: z.object({ json: z.string().max(200_000) }).strict(),
    output: z.object({
      valid: z.boolean(),
      issues: z.array(FieldIssueSchema),
      /** Set when the document is valid but cannot run on this workspace (e.g. missing candles). */
      dataProblem: z.string().nullable(),
      ticks: z.number().int().nullable(),
    }),
  },
  'market.saveScenario': { input: z.object({ id: ScenarioIdSchema.optional(), json: z.string().max(200_000) }).strict(), output: ScenarioEntrySchema },
  'market.deleteScenario': { input: z.object({ id: ScenarioIdSchema }).strict(), output: z.object({ deleted: z.boolean() }) },
} as const;

export const marketEvents = {
  'market.importProgress': ImportProgressSchema,
  /** Stored market data changed (an import, a deletion, the default data set). */
  'market.changed': z.object({ reason: z.enum(['import', 'delete', 'default-data']) }),
} as const;
