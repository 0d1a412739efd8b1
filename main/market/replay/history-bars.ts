import type { HistorySource, ReplayBar } from '#shared/domain/market-replay';
import { INTERVAL_MS, type SeriesKey } from '#shared/domain/market-series';
import { scenarioStartMs, type Scenario } from '#shared/domain/scenario';
import type { MarketData } from '../feed/compile';
import type { FeedSpec } from '../feed/feed-spec';
import type { DecimalString } from '#shared/money/decimal';
import { SeededRandom } from '../synthetic/rng';

/** As TradingView's bar replay: a few hundred bars of context before the first tick. */
export const HISTORY_BARS = 300;
/** The warm-up's own random stream: the scenario's path and venues never see these numbers. */
const WARMUP_STREAM = 900;
const YEAR_MS = 365 * 24 * 3_600_000;

export interface ReplayHistory {
  readonly bars: ReplayBar[];
  readonly source: HistorySource;
}

/**
 * The bars drawn before a scenario's start, for the chart only (the engine never sees them): the
 * store's own candles before `start` (the scenario's trade series, else the venue's stored mark
 * series), as many as it holds up to HISTORY_BARS; otherwise, and always for synthetic markets, a
 * seeded warm-up that ends at the first tick's price, labelled as modelled.
 */
export function historyBars(s: Scenario, spec: FeedSpec, data: MarketData): ReplayHistory {
  const start = scenarioStartMs(s);
  const barMs = INTERVAL_MS[spec.barInterval];
  const firstBar = Math.floor(start / barMs) * barMs;
  if (s.market.type === 'stored') {
    const venue = s.market.venue;
    const keys: SeriesKey[] = [
      { venue, symbol: s.symbol, interval: s.market.interval, kind: 'trade' },
      ...(s.market.mark === 'model' ? [] : [{ venue: s.market.mark.venue, symbol: s.symbol, interval: s.market.mark.interval, kind: 'mark' as const }]),
    ];
    for (const key of keys) {
      const series = data.findSeries(key);
      if (!series) continue;
      const step = INTERVAL_MS[key.interval];
      const candles = data.candles(series.id, firstBar - HISTORY_BARS * step, firstBar, HISTORY_BARS);
      if (candles.length === 0) continue;
      const bars = candles.map((c) => ({ t: c.t, open: c.open, high: c.high, low: c.low, close: c.close, volume: key.kind === 'trade' ? c.volume : null, mark: c.close, index: c.close }));
      return { bars, source: key.kind === 'trade' ? 'stored' : 'stored-mark' };
    }
  }
  const vol = 'volatility' in s.market && s.market.volatility > 0 ? s.market.volatility : 0.6;
  return { bars: warmUp(spec, firstBar, barMs, vol, s.seed), source: 'warm-up' };
}

/**
 * A GBM walked backwards from the first tick's price: each bar of four steps, so it has a body and
 * wicks. Floats are fine here: these are pictures of the past, never prices anything trades at;
 * the text is rounded onto the market's tick grid like every other price.
 */
function warmUp(spec: FeedSpec, firstBar: number, barMs: number, volatility: number, seed: number): ReplayBar[] {
  const rng = new SeededRandom(seed, WARMUP_STREAM);
  const grid = spec.lastGrid;
  const sd = volatility * Math.sqrt(barMs / 4 / YEAR_MS);
  const text = (x: number): DecimalString => grid.text(grid.fromFloat(x));
  const out: ReplayBar[] = [];
  let close = grid.toFloat(spec.last(spec.start));
  for (let i = 1; i <= HISTORY_BARS; i++) {
    const path = [close];
    for (let j = 0; j < 4; j++) path.push(path[path.length - 1]! * Math.exp(-sd * rng.normal()));
    const open = path[4]!;
    const c = text(close);
    out.push({ t: firstBar - i * barMs, open: text(open), high: text(Math.max(...path)), low: text(Math.min(...path)), close: c, volume: null, mark: c, index: c });
    close = open;
  }
  return out.reverse();
}
