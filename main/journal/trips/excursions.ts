import type { JournalTrip } from '#shared/journal/journal-trip';
import type { Db } from '../../store/db-types';
import { decodeEventBody } from '../../store/tick-columns';
import { riskAmount } from './r-multiple';

interface Extremes {
  low: string;
  high: string;
}

const INTERVAL_MS: Record<string, number> = { '1m': 60_000, '3m': 180_000, '5m': 300_000, '15m': 900_000, '30m': 1_800_000, '1h': 3_600_000, '2h': 7_200_000, '4h': 14_400_000, '1d': 86_400_000 };

/**
 * Maximum adverse and favourable excursion of each trip: from the engine's ticks for paper trips,
 * from the workspace's stored candles for imported ones (the finest series of the symbol that
 * covers the trip; the first and last candles may hold prices from just before the entry or after
 * the exit, so candle excursions are an upper bound at that interval). Excursions are analytics:
 * percentages and R are floats, the prices themselves stay decimal text.
 */
export function attachExcursions(db: Db, trips: JournalTrip[]): void {
  const tickStmt = db.prepare("SELECT body FROM trading_events WHERE kind = 'tick' AND t >= ? AND t <= ? ORDER BY seq");
  const seriesStmt = db.prepare(
    "SELECT id, interval, first_time AS first, last_time AS last FROM market_series WHERE symbol = ? AND kind IN ('trade', 'mark') ORDER BY CASE kind WHEN 'trade' THEN 0 ELSE 1 END",
  );
  const candleStmt = db.prepare('SELECT low, high FROM market_candles WHERE series_id = ? AND open_time >= ? AND open_time <= ?');
  const seriesCache = new Map<string, Array<{ id: number; interval: string; first: number | null; last: number | null }>>();
  for (const trip of trips) {
    let ex: Extremes | null;
    if (trip.source === 'paper') {
      ex = extremesOf((tickStmt.all(trip.openedAt, trip.closedAt) as Array<{ body: string }>).map((r) => {
        const e = decodeEventBody(r.body);
        if (e.kind !== 'tick') return null;
        const tk = e.tick;
        return tk.symbol === trip.symbol ? { low: tk.last, high: tk.last } : null;
      }));
      if (ex) trip.excursionSource = 'ticks';
      else trip.excursionNote = 'no ticks recorded while the trip was open';
    } else {
      let series = seriesCache.get(trip.symbol);
      if (!series) seriesCache.set(trip.symbol, (series = seriesStmt.all(trip.symbol) as Array<{ id: number; interval: string; first: number | null; last: number | null }>));
      const covering = series
        .filter((s) => s.first !== null && s.last !== null && s.first <= trip.openedAt && s.last >= trip.closedAt && INTERVAL_MS[s.interval] !== undefined)
        .sort((a, b) => INTERVAL_MS[a.interval]! - INTERVAL_MS[b.interval]!)[0];
      if (!covering) {
        trip.excursionNote = series.length === 0 ? `no stored candles for ${trip.symbol} in this workspace` : `the stored ${trip.symbol} candles do not cover this trip`;
        continue;
      }
      const step = INTERVAL_MS[covering.interval]!;
      ex = extremesOf(candleStmt.all(covering.id, Math.floor(trip.openedAt / step) * step, trip.closedAt) as Extremes[]);
      if (ex) trip.excursionSource = 'candles';
      else trip.excursionNote = `no ${trip.symbol} candles inside the trip`;
    }
    if (ex) applyExcursion(trip, ex);
  }
}

function extremesOf(rows: Array<Extremes | null>): Extremes | null {
  let low: string | null = null;
  let high: string | null = null;
  let lowN = Infinity;
  let highN = -Infinity;
  for (const r of rows) {
    if (!r) continue;
    const l = Number(r.low);
    const h = Number(r.high);
    if (l < lowN) {
      lowN = l;
      low = r.low;
    }
    if (h > highN) {
      highN = h;
      high = r.high;
    }
  }
  return low === null || high === null ? null : { low, high };
}

function applyExcursion(trip: JournalTrip, ex: Extremes): void {
  const entry = Number(trip.entryPrice);
  if (!(entry > 0)) return;
  const long = trip.side === 'long';
  const worst = long ? ex.low : ex.high;
  const best = long ? ex.high : ex.low;
  trip.maePrice = worst as JournalTrip['maePrice'];
  trip.mfePrice = best as JournalTrip['mfePrice'];
  const adverse = Math.max(0, long ? entry - Number(worst) : Number(worst) - entry);
  const favourable = Math.max(0, long ? Number(best) - entry : entry - Number(best));
  trip.maePct = round((adverse / entry) * 100);
  trip.mfePct = round((favourable / entry) * 100);
  const risk = riskAmount(trip);
  const stop = trip.plannedStop === null ? NaN : Number(trip.plannedStop);
  if (risk !== null && Number.isFinite(stop)) {
    const perUnit = Math.abs(entry - stop);
    trip.maeR = round(adverse / perUnit);
    trip.mfeR = round(favourable / perUnit);
  }
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
