import { INTERVALS, INTERVAL_MS, type Candle, type Interval, type SeriesInfo } from '#shared/domain/market-series';
import type { DecimalString } from '#shared/money/decimal';
import type { Db } from '../store/db-types';
import { nextTask } from '../app/turns';

export interface PreviewBars {
  /** The bars' interval: the series' own, or a coarser one when the range holds more than maxBars. */
  readonly interval: Interval;
  readonly aggregated: boolean;
  readonly candles: Candle[];
}

/**
 * Candles of a series for a chart, at most maxBars of them. A long range is aggregated into the
 * finest coarser interval that fits, in SQL, exactly: each bucket's open/close are the first/last
 * candle's text, and its high/low are the TEXT of the candle holding the extreme. SQLite returns a
 * bare column from the row that holds min()/max() (a documented guarantee); the REAL cast only
 * chooses that row (exact for prices of up to 15 significant digits), it never becomes the value.
 * (better-sqlite3 binds JS numbers as REAL: the bucket is cast so the division is an integer one.)
 */
export function previewBars(db: Db, series: SeriesInfo, from: number | null, to: number | null, maxBars: number): PreviewBars {
  const steps = previewBarsSteps(db, series, from, to, maxBars);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * previewBars for the IPC handler: the same bars, read in pages with a turn of the event loop
 * between them, so a year of 1-minute candles (about 2 s of SQL in one piece) never holds main's
 * thread for long (issue 10 item 7).
 */
export async function previewBarsPaged(db: Db, series: SeriesInfo, from: number | null, to: number | null, maxBars: number): Promise<PreviewBars> {
  const steps = previewBarsSteps(db, series, from, to, maxBars);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await nextTask();
  }
}

/** Source candles per page of an aggregated read (a few tens of milliseconds of SQL a query). */
const PAGE_CANDLES = 20_000;

function* previewBarsSteps(db: Db, series: SeriesInfo, from: number | null, to: number | null, maxBars: number): Generator<void, PreviewBars> {
  const step = INTERVAL_MS[series.interval];
  const a = from ?? series.from ?? 0;
  const b = to ?? (series.to === null ? 0 : series.to + step);
  const count = db
    .prepare<[number, number, number], number>('SELECT count(*) FROM market_candles WHERE series_id = ? AND open_time >= ? AND open_time < ?')
    .pluck()
    .get(series.id, a, b)!;
  if (count <= maxBars) {
    const candles = db
      .prepare<[number, number, number], Candle>(
        'SELECT open_time AS t, open, high, low, close, volume FROM market_candles WHERE series_id = ? AND open_time >= ? AND open_time < ? ORDER BY open_time',
      )
      .all(series.id, a, b);
    return { interval: series.interval, aggregated: false, candles };
  }
  const span = b - a;
  const interval =
    INTERVALS.find((i) => INTERVAL_MS[i] > step && INTERVAL_MS[i] % step === 0 && span / INTERVAL_MS[i] <= maxBars) ?? INTERVALS[INTERVALS.length - 1]!;
  const bucket = INTERVAL_MS[interval];
  const pick = (agg: string, column: string, lo: number, hi: number): Map<number, DecimalString> => {
    const rows = db
      .prepare<[number, number, number, number, number], { b: number; v: DecimalString }>(
        `SELECT (open_time / CAST(? AS INTEGER)) * CAST(? AS INTEGER) AS b, ${agg}, ${column} AS v FROM market_candles
          WHERE series_id = ? AND open_time >= ? AND open_time < ? GROUP BY b ORDER BY b`,
      )
      .all(bucket, bucket, series.id, lo, hi);
    return new Map(rows.map((r) => [r.b, r.v]));
  };
  // Pages end on bucket boundaries, so no bucket is split between two pages.
  const page = Math.max(1, Math.ceil((PAGE_CANDLES * step) / bucket)) * bucket;
  const candles: Candle[] = [];
  for (let lo = a; lo < b; ) {
    const hi = Math.min(b, (Math.floor(lo / bucket) * bucket) + page);
    const opens = pick('min(open_time)', 'open', lo, hi);
    yield;
    const closes = pick('max(open_time)', 'close', lo, hi);
    yield;
    const highs = pick('max(CAST(high AS REAL))', 'high', lo, hi);
    yield;
    const lows = pick('min(CAST(low AS REAL))', 'low', lo, hi);
    for (const [t, open] of opens) {
      candles.push({ t, open, high: highs.get(t)!, low: lows.get(t)!, close: closes.get(t)!, volume: null });
    }
    lo = hi;
    if (lo < b) yield;
  }
  return { interval, aggregated: true, candles };
}
