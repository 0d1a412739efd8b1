import { INTERVAL_MS, MAX_GAPS_LISTED, type Gap, type Interval, type SeriesInfo, type SeriesKey, type SeriesOrigin } from '#shared/domain/market-series';
import type { DecimalString } from '#shared/money/decimal';
import type { Db } from './db-types';

interface SeriesRow {
  id: number;
  venue: string;
  symbol: string;
  interval: string;
  kind: string;
  origin: string;
  rows: number;
  first_time: number | null;
  last_time: number | null;
  gap_count: number;
  missing: number;
  gaps: string;
}

/** A stored candle as read for replay: prices exactly as imported. */
export interface StoredCandle {
  readonly t: number;
  readonly open: DecimalString;
  readonly high: DecimalString;
  readonly low: DecimalString;
  readonly close: DecimalString;
  readonly volume: DecimalString;
}

export interface MergeCounts {
  readonly added: number;
  readonly same: number;
  readonly conflicting: number;
}

/**
 * Candle series and their coverage. Range reads walk the (series_id, open_time) primary key;
 * coverage is recomputed after each import that touches a series and kept on the series row.
 */
export class MarketCandlesRepo {
  constructor(private readonly db: Db) {}

  /** By symbol and venue, trades before mark/index/premium, short intervals first. */
  list(): SeriesInfo[] {
    const kinds = ['trade', 'mark', 'index', 'premium'];
    return this.db
      .prepare<[], SeriesRow>('SELECT * FROM market_series ORDER BY symbol, venue')
      .all()
      .map(toInfo)
      .sort(
        (a, b) =>
          a.symbol.localeCompare(b.symbol) ||
          a.venue.localeCompare(b.venue) ||
          kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
          INTERVAL_MS[a.interval] - INTERVAL_MS[b.interval],
      );
  }

  get(id: number): SeriesInfo | null {
    const row = this.db.prepare<[number], SeriesRow>('SELECT * FROM market_series WHERE id = ?').get(id);
    return row ? toInfo(row) : null;
  }

  find(key: SeriesKey): SeriesInfo | null {
    const row = this.db
      .prepare<[string, string, string, string], SeriesRow>('SELECT * FROM market_series WHERE venue = ? AND symbol = ? AND interval = ? AND kind = ?')
      .get(key.venue, key.symbol, key.interval, key.kind);
    return row ? toInfo(row) : null;
  }

  /** The series id, creating the series (empty) if needed. An existing series keeps its origin. */
  ensure(key: SeriesKey, origin: SeriesOrigin): number {
    this.db
      .prepare('INSERT INTO market_series (venue, symbol, interval, kind, origin) VALUES (?, ?, ?, ?, ?) ON CONFLICT (venue, symbol, interval, kind) DO NOTHING')
      .run(key.venue, key.symbol, key.interval, key.kind, origin);
    return this.find(key)!.id;
  }

  /**
   * Merges staged candles (`schema`.s_candles rows with sid) into the series: new open times are
   * added; existing ones are kept and counted as the same or conflicting. Call inside a transaction.
   */
  mergeStaged(seriesId: number, schema: string, sid: number, stagedFrom: number, stagedTo: number): MergeCounts {
    const overlaps = this.db
      .prepare<[number, number, number], { n: number }>('SELECT EXISTS (SELECT 1 FROM market_candles WHERE series_id = ? AND open_time BETWEEN ? AND ?) AS n')
      .get(seriesId, stagedFrom, stagedTo)!.n;
    let same = 0;
    let matched = 0;
    if (overlaps) {
      const r = this.db
        .prepare<[number, number], { same: number | null; matched: number }>(
          `SELECT sum(s.open = m.open AND s.high = m.high AND s.low = m.low AND s.close = m.close AND s.volume = m.volume) AS same, count(*) AS matched
             FROM ${schema}.s_candles s JOIN market_candles m ON m.series_id = ? AND m.open_time = s.open_time
            WHERE s.sid = ?`,
        )
        .get(seriesId, sid)!;
      same = r.same ?? 0;
      matched = r.matched;
    }
    const added = this.db
      .prepare(
        `INSERT OR IGNORE INTO market_candles (series_id, open_time, open, high, low, close, volume, quote_volume, trades)
         SELECT ?, open_time, open, high, low, close, volume, quote_volume, trades FROM ${schema}.s_candles WHERE sid = ? ORDER BY open_time`,
      )
      .run(seriesId, sid).changes;
    return { added, same, conflicting: matched - same };
  }

  /** Recounts rows, range and gaps of a series from its candles (one walk of the key). */
  recomputeCoverage(seriesId: number): void {
    const series = this.get(seriesId);
    if (!series) return;
    const step = INTERVAL_MS[series.interval];
    const gaps: Gap[] = [];
    let gapCount = 0;
    let missing = 0;
    let rows = 0;
    let first: number | null = null;
    let prev: number | null = null;
    const times = this.db.prepare<[number], number>('SELECT open_time FROM market_candles WHERE series_id = ? ORDER BY open_time').pluck().iterate(seriesId);
    for (const t of times) {
      rows += 1;
      if (first === null) first = t;
      if (prev !== null && t - prev > step) {
        const n = Math.round((t - prev) / step) - 1;
        gapCount += 1;
        missing += n;
        if (gaps.length < MAX_GAPS_LISTED) gaps.push({ from: prev + step, to: t - step, missing: n });
      }
      prev = t;
    }
    this.db
      .prepare('UPDATE market_series SET rows = ?, first_time = ?, last_time = ?, gap_count = ?, missing = ?, gaps = ? WHERE id = ?')
      .run(rows, first, prev, gapCount, missing, JSON.stringify(gaps), seriesId);
  }

  /** Every gap of a series in [from, to] (the list on the series row stops at MAX_GAPS_LISTED). */
  gaps(seriesId: number, interval: Interval, from: number, to: number, limit: number): Gap[] {
    const step = INTERVAL_MS[interval];
    const rows = this.db
      .prepare<[number, number, number, number, number], { prev: number; t: number }>(
        `SELECT prev, t FROM (
           SELECT open_time AS t, LAG(open_time) OVER (ORDER BY open_time) AS prev
             FROM market_candles WHERE series_id = ? AND open_time BETWEEN ? AND ?)
          WHERE t - prev > ? LIMIT ?`,
      )
      .all(seriesId, from, to, step, limit);
    return rows.map((r) => ({ from: r.prev + step, to: r.t - step, missing: Math.round((r.t - r.prev) / step) - 1 }));
  }

  /** Candles with open time in [from, to), oldest first. */
  range(seriesId: number, from: number, to: number, limit = 1_000_000): StoredCandle[] {
    return this.db
      .prepare<[number, number, number, number], StoredCandle>(
        'SELECT open_time AS t, open, high, low, close, volume FROM market_candles WHERE series_id = ? AND open_time >= ? AND open_time < ? ORDER BY open_time LIMIT ?',
      )
      .all(seriesId, from, to, limit);
  }

  count(seriesId: number, from: number, to: number): number {
    return this.db
      .prepare<[number, number, number], number>('SELECT count(*) FROM market_candles WHERE series_id = ? AND open_time >= ? AND open_time < ?')
      .pluck()
      .get(seriesId, from, to)!;
  }

  delete(seriesId: number): boolean {
    return this.db.prepare('DELETE FROM market_series WHERE id = ?').run(seriesId).changes > 0;
  }
}

function toInfo(r: SeriesRow): SeriesInfo {
  return {
    id: r.id,
    venue: r.venue,
    symbol: r.symbol,
    interval: r.interval as Interval,
    kind: r.kind as SeriesInfo['kind'],
    origin: r.origin as SeriesOrigin,
    rows: r.rows,
    from: r.first_time,
    to: r.last_time,
    gaps: JSON.parse(r.gaps) as Gap[],
    gapCount: r.gap_count,
    missing: r.missing,
  };
}
