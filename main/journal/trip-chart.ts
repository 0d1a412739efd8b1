import type { Candle } from '#shared/domain/market-series';
import type { JournalTrip } from '#shared/journal/journal-trip';
import type { Db } from '../store/db-types';
import { decodeEventBody } from '../store/tick-columns';

const MAX_BARS = 240;
const INTERVAL_MS: Record<string, number> = { '1m': 60_000, '3m': 180_000, '5m': 300_000, '15m': 900_000, '30m': 1_800_000, '1h': 3_600_000, '2h': 7_200_000, '4h': 14_400_000, '1d': 86_400_000 };

export interface TripChart {
  readonly candles: Candle[];
  /** Where the bars come from, or why there are none. */
  readonly note: string;
}

/**
 * Bars around a trip, offline: the paper engine's own ticks bucketed into bars, or the workspace's
 * stored candles of the symbol (the finest series that covers the trip). A quarter of the trip's
 * length is shown on each side so the entry and exit sit inside the chart.
 */
export function tripChart(db: Db, trip: JournalTrip): TripChart {
  const span = Math.max(60_000, trip.closedAt - trip.openedAt);
  const from = trip.openedAt - Math.round(span / 4);
  const to = trip.closedAt + Math.round(span / 4);
  if (trip.source === 'paper') {
    const rows = db.prepare("SELECT t, body FROM trading_events WHERE kind = 'tick' AND t >= ? AND t <= ? ORDER BY seq").all(from, to) as Array<{ t: number; body: string }>;
    const step = Math.max(1000, Math.ceil((to - from) / MAX_BARS / 1000) * 1000);
    const bars = new Map<number, { open: string; high: string; low: string; close: string; hi: number; lo: number }>();
    for (const r of rows) {
      const e = decodeEventBody(r.body);
      if (e.kind !== 'tick' || e.tick.symbol !== trip.symbol) continue;
      const tick = e.tick;
      const k = Math.floor(r.t / step) * step;
      const p = Number(tick.last);
      const b = bars.get(k);
      if (!b) bars.set(k, { open: tick.last, high: tick.last, low: tick.last, close: tick.last, hi: p, lo: p });
      else {
        if (p > b.hi) {
          b.hi = p;
          b.high = tick.last;
        }
        if (p < b.lo) {
          b.lo = p;
          b.low = tick.last;
        }
        b.close = tick.last;
      }
    }
    const candles = [...bars.entries()].sort(([a], [b]) => a - b).map(([t, b]) => ({ t, open: b.open, high: b.high, low: b.low, close: b.close, volume: null }) as Candle);
    return { candles, note: candles.length > 0 ? `paper engine ticks in ${step / 1000}s bars` : 'no ticks recorded around this trip' };
  }
  const series = (
    db.prepare("SELECT id, venue, interval, first_time AS first, last_time AS last FROM market_series WHERE symbol = ? AND kind IN ('trade', 'mark')").all(trip.symbol) as Array<{
      id: number;
      venue: string;
      interval: string;
      first: number | null;
      last: number | null;
    }>
  )
    .filter((s) => INTERVAL_MS[s.interval] !== undefined && s.first !== null && s.last !== null && s.first <= trip.closedAt && s.last >= trip.openedAt)
    .sort((a, b) => INTERVAL_MS[a.interval]! - INTERVAL_MS[b.interval]!);
  const best = series.find((s) => (to - from) / INTERVAL_MS[s.interval]! <= MAX_BARS * 4) ?? series[series.length - 1];
  if (!best) return { candles: [], note: `no stored candles for ${trip.symbol} around this trip in this workspace (import them in Data)` };
  const rows = db.prepare('SELECT open_time AS t, open, high, low, close, volume FROM market_candles WHERE series_id = ? AND open_time >= ? AND open_time <= ? ORDER BY open_time').all(best.id, from, to) as Candle[];
  return { candles: rows.slice(-MAX_BARS * 4), note: `${best.venue} ${trip.symbol} ${best.interval} candles` };
}
