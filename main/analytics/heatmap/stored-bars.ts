import { INTERVAL_MS } from '#shared/domain/market-series';
import type { Scenario } from '#shared/domain/scenario';
import type { MarketData } from '../../market/feed/compile';
import type { EstimateBar } from './estimate';

/** A stored-market scenario's candles from start up to now, with their volume (null otherwise). */
export function readStoredBars(data: MarketData, scenario: Scenario, start: number, now: number): { bars: EstimateBar[]; intervalMs: number } | null {
  const m = scenario.market;
  if (m.type !== 'stored') return null;
  const series = data.findSeries({ venue: m.venue, symbol: scenario.symbol, interval: m.interval, kind: 'trade' });
  if (!series) return null;
  const candles = data.candles(series.id, start, now + 1, 250_000);
  return {
    intervalMs: INTERVAL_MS[m.interval],
    bars: candles.map((c) => ({ t: c.t, open: Number(c.open), high: Number(c.high), low: Number(c.low), close: Number(c.close), volume: Number(c.volume) })),
  };
}
