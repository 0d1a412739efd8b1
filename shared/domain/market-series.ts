import { z } from 'zod';
import { DecimalString } from '../money/decimal';

/**
 * Stored market data: candle series keyed by (venue, symbol, interval, kind) and funding rates.
 * Prices travel as decimal strings exactly as they were imported ("20482.10" stays "20482.10").
 */

/** A venue id: lowercase slug such as "binance" (USDⓈ-M perps), "binance-spot", "bybit", "coinbase". */
export const VenueIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { message: 'a venue id is lowercase letters, digits and "-" (e.g. "binance", "binance-spot")' });
export type VenueId = z.infer<typeof VenueIdSchema>;

/** An exchange symbol as the venue writes it without separators: BTCUSDT, BTCUSD_PERP, BTCUSDT_251226. */
export const MarketSymbolSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9_]{0,31}$/, { message: 'a symbol is upper-case letters, digits and "_" (e.g. "BTCUSDT")' });
export type MarketSymbol = z.infer<typeof MarketSymbolSchema>;

/**
 * What a candle measures. trade: the contract's own trades (its last price). mark / index: the
 * exchange's mark and index price klines. premium: the premium index ((impact price - index) / index),
 * a small signed ratio rather than a price.
 */
export const CANDLE_KINDS = ['trade', 'mark', 'index', 'premium'] as const;
export type CandleKind = (typeof CANDLE_KINDS)[number];
export const CandleKindSchema = z.enum(CANDLE_KINDS);

/** Fixed-length intervals only: every gap is then a whole number of missing candles. */
export const INTERVALS = ['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d', '3d', '1w'] as const;
export type Interval = (typeof INTERVALS)[number];
export const IntervalSchema = z.enum(INTERVALS);

const MINUTE = 60_000;
export const INTERVAL_MS: Readonly<Record<Interval, number>> = {
  '1m': MINUTE,
  '3m': 3 * MINUTE,
  '5m': 5 * MINUTE,
  '15m': 15 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': 60 * MINUTE,
  '2h': 120 * MINUTE,
  '4h': 240 * MINUTE,
  '6h': 360 * MINUTE,
  '8h': 480 * MINUTE,
  '12h': 720 * MINUTE,
  '1d': 1440 * MINUTE,
  '3d': 3 * 1440 * MINUTE,
  '1w': 7 * 1440 * MINUTE,
};

export function intervalFromMs(ms: number): Interval | null {
  for (const i of INTERVALS) if (INTERVAL_MS[i] === ms) return i;
  return null;
}

export const SeriesKeySchema = z.object({
  venue: VenueIdSchema,
  symbol: MarketSymbolSchema,
  interval: IntervalSchema,
  kind: CandleKindSchema,
});
export type SeriesKey = z.infer<typeof SeriesKeySchema>;

export function seriesLabel(k: SeriesKey): string {
  return `${k.venue} ${k.symbol} ${k.interval} ${k.kind}`;
}

/** One candle on the wire. t is the open time (ms, UTC). volume is null for aggregated previews. */
export const CandleSchema = z.object({
  t: z.number().int(),
  open: DecimalString,
  high: DecimalString,
  low: DecimalString,
  close: DecimalString,
  volume: DecimalString.nullable(),
});
export type Candle = z.infer<typeof CandleSchema>;

/** A hole in a series: the open times of the first and last missing candle. */
export const GapSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  missing: z.number().int().positive(),
});
export type Gap = z.infer<typeof GapSchema>;

/** Where a series came from: the embedded default data set or a user's import. */
export const SERIES_ORIGINS = ['default', 'import'] as const;
export const SeriesOriginSchema = z.enum(SERIES_ORIGINS);
export type SeriesOrigin = z.infer<typeof SeriesOriginSchema>;

/** A stored series with its coverage: first and last open time, rows, and the gaps between. */
export const SeriesInfoSchema = SeriesKeySchema.extend({
  id: z.number().int().positive(),
  origin: SeriesOriginSchema,
  rows: z.number().int().nonnegative(),
  from: z.number().int().nullable(),
  /** Open time of the last candle. */
  to: z.number().int().nullable(),
  /** The first gaps, oldest first (at most MAX_GAPS_LISTED); gapCount says how many there are. */
  gaps: z.array(GapSchema),
  gapCount: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
});
export type SeriesInfo = z.infer<typeof SeriesInfoSchema>;

export const MAX_GAPS_LISTED = 50;

/** A funding settlement as stored: the scheduled time (calc_time jitter removed) and the rate. */
export const FundingRateSchema = z.object({
  t: z.number().int(),
  rate: DecimalString,
  intervalHours: z.number().positive(),
});
export type FundingRate = z.infer<typeof FundingRateSchema>;

export const FundingSeriesInfoSchema = z.object({
  venue: VenueIdSchema,
  symbol: MarketSymbolSchema,
  rows: z.number().int().nonnegative(),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  origin: SeriesOriginSchema,
});
export type FundingSeriesInfo = z.infer<typeof FundingSeriesInfoSchema>;

/** Order-book depth snapshots (Binance bookDepth): depth within ±1..5 % of mid, per snapshot. */
export const DepthSeriesInfoSchema = z.object({
  venue: VenueIdSchema,
  symbol: MarketSymbolSchema,
  snapshots: z.number().int().nonnegative(),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  origin: SeriesOriginSchema,
});
export type DepthSeriesInfo = z.infer<typeof DepthSeriesInfoSchema>;
