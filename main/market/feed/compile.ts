import { INTERVALS, INTERVAL_MS, seriesLabel, type FundingRate, type Interval, type SeriesInfo, type SeriesKey } from '#shared/domain/market-series';
import { scenarioStartMs, type Scenario } from '#shared/domain/scenario';
import { NEVER, drain } from '#main/engine/steps';
import { Dec } from '#shared/money/decimal';
import type { StoredCandle } from '../../store/market-candles-repo';
import { decimalsOf } from '../import/decimal-text';
import { isoUtc } from '../import/time-text';
import { PriceGrid } from '../price/price-grid';
import { SeededRandom, venueStream } from '../synthetic/rng';
import { synthesizeSteps, wickFactor } from '../synthetic/paths';
import { CandlePath } from './candle-path';
import { gapWindow, type FeedSpec, type LiquiditySchedule, type ModelFunding, type HistoryFunding, type VenueModel } from './feed-spec';
import { describeSources } from './sources-text';

/** What compiling a scenario may read from the workspace. */
export interface MarketData {
  findSeries(key: SeriesKey): SeriesInfo | null;
  /** Candles with open time in [from, to), oldest first, at most `limit`. */
  candles(seriesId: number, from: number, to: number, limit: number): StoredCandle[];
  fundingRange(venue: string, symbol: string, from: number, to: number): FundingRate[];
  fundingBefore(venue: string, symbol: string, t: number): FundingRate | null;
}

/** The scenario cannot run on this workspace (missing data, too long): the message says what to do. */
export class ScenarioDataError extends Error {
  override readonly name = 'ScenarioDataError';
}

export const MAX_TICKS = 2_000_000;
const MAX_CANDLES = 250_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Resolves a validated scenario against the workspace's data into a FeedSpec. */
export function compileScenario(s: Scenario, data: MarketData): FeedSpec {
  return drain(compileScenarioSteps(s, data, NEVER));
}

/**
 * compileScenario pausing every `every` ticks' worth of its synthetic path and venue noise, so
 * main can compile a long scenario in slices (ReplayService.compileAhead): 2,000,000 ticks took
 * ~0.6 s in one piece.
 */
export function* compileScenarioSteps(s: Scenario, data: MarketData, every: number): Generator<void, FeedSpec> {
  const start = scenarioStartMs(s);
  const duration = s.durationMinutes * MINUTE;
  const end = start + duration;
  const m = s.market;
  let stepMs: number;
  let lastGrid: PriceGrid;
  let last: (t: number) => number;
  let anchor: (t: number) => number;
  let storedMark: FeedSpec['storedMark'] = null;
  let wick: FeedSpec['wick'] = null;
  let barInterval: Interval;
  const windows: LiquiditySchedule['windows'][number][] = s.liquidity.windows.map((w) => ({
    from: start + w.fromMinute * MINUTE,
    to: start + w.toMinute * MINUTE,
    depthScale: w.depthScale,
    spreadBps: w.spreadBps,
  }));
  let lastText: string;
  let anchorText: string;
  let markText: string | null = null;

  if (m.type === 'stored') {
    const key: SeriesKey = { venue: m.venue, symbol: s.symbol, interval: m.interval, kind: 'trade' };
    const interval = INTERVAL_MS[m.interval];
    const candles = loadWindow(data, key, start, end);
    const decimals = maxDecimals(candles);
    const tick = s.tickSize ?? (decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`);
    lastGrid = PriceGrid.forTick(tick, decimals);
    const path = new CandlePath(candles, interval, lastGrid, true);
    last = (t) => path.at(t);
    stepMs = s.stepMs ?? Math.min(interval / 4, MINUTE);
    const inWindow = candles.filter((c) => c.t >= start).length;
    const expected = Math.ceil(duration / interval);
    lastText =
      `${seriesLabel(key)} candles (stored, ${inWindow} of ${expected} in the window${inWindow < expected ? `; the ${expected - inWindow} missing are held at the previous close` : ''}); ` +
      `inside each candle: open → nearer extreme → other extreme → close at 0, ¼, ½, ¾ of the interval, straight lines between, a tick every ${stepMs / 1000} s` +
      ((interval / 4) % stepMs === 0 ? '' : ` (this step does not divide a quarter of the ${m.interval} candle, so some highs and lows fall between ticks)`);
    barInterval = m.interval;
    if (m.mark === 'model') {
      anchor = (t) => lastGrid.toFloat(path.at(t));
      anchorText = "the perp's own last price";
    } else {
      const markKey: SeriesKey = { venue: m.mark.venue, symbol: s.symbol, interval: m.mark.interval, kind: 'mark' };
      const markCandles = loadWindow(data, markKey, start, end);
      const markDecimals = maxDecimals(markCandles);
      const markGrid = new PriceGrid(markDecimals, markDecimals === 0 ? '1' : `0.${'0'.repeat(markDecimals - 1)}1`);
      const markPath = new CandlePath(markCandles, INTERVAL_MS[m.mark.interval], markGrid, false, INTERVAL_MS[m.mark.interval] > interval ? path : undefined);
      storedMark = { grid: markGrid, at: (t) => markPath.at(t) };
      anchor = (t) => markGrid.toFloat(markPath.at(t));
      anchorText = `the stored ${seriesLabel(markKey)} price`;
      markText =
        `the stored ${seriesLabel(markKey)} series (real): each candle's open, high, low and close exactly; its high and low placed when the ${m.interval} last ` +
        `made its own, and between them it follows the last's shape`;
    }
  } else {
    stepMs = s.stepMs ?? 5000;
    const n = Math.floor(duration / stepMs);
    checkTicks(n);
    const plan = yield* synthesizeSteps(m, s.seed, start, stepMs, n, every);
    lastGrid = PriceGrid.forTick(s.tickSize ?? defaultTick(m.startPrice));
    const a = plan.anchor;
    anchor = (t) => {
      const x = Math.min(n, Math.max(0, (t - start) / stepMs));
      const i = Math.floor(x);
      const f = x - i;
      return f === 0 || i >= n ? a[i]! : a[i]! + (a[i + 1]! - a[i]!) * f;
    };
    wick = plan.wick;
    const w = plan.wick;
    last = (t) => lastGrid.fromFloat(anchor(t) * (1 + plan.premiumAt(t)) * (w && w.perpFollows ? wickFactor(w, t) : 1));
    if (plan.gap) windows.unshift(gapWindow(plan.gap));
    lastText = `synthetic (seed ${s.seed}): ${plan.description}; a tick every ${stepMs / 1000} s`;
    anchorText = 'the model price';
    barInterval = barIntervalFor(duration);
  }

  const n = Math.floor(duration / stepMs);
  checkTicks(n);
  const venues: VenueModel[] = [];
  for (const [i, v] of s.index.venues.entries()) {
    const rng = new SeededRandom(s.seed, venueStream(i));
    const noise = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      noise[k] = rng.normal();
      if ((k + 1) % every === 0) yield;
    }
    venues.push({
      id: v.id,
      weight: new Dec(v.weight),
      noise,
      noiseSd: v.noiseBps / 10_000,
      lagMs: v.lagMs,
      outages: v.outages.map((o) => [start + o.fromMinute * MINUTE, start + o.toMinute * MINUTE] as const),
    });
  }
  const funding = compileFunding(s, data, start, end);
  const liquidity: LiquiditySchedule = { base: { depthScale: s.liquidity.depthScale, spreadBps: s.liquidity.spreadBps }, windows };
  const spec: Omit<FeedSpec, 'sources'> = {
    symbol: s.symbol,
    start,
    stepMs,
    n,
    lastGrid,
    last,
    anchor,
    storedMark,
    venues,
    venueGrid: lastGrid,
    wick,
    index: { band: new Dec(s.index.bandPct), outlier: s.index.outlier, staleMs: s.index.staleMs },
    basisWindowMs: s.mark.basisWindowMs,
    basisCap: new Dec(s.mark.basisCapBps).div(10_000),
    funding,
    liquidity,
    barInterval,
  };
  return { ...spec, sources: describeSources(s, spec, { last: lastText, anchor: anchorText, mark: markText }) };
}

function loadWindow(data: MarketData, key: SeriesKey, start: number, end: number): StoredCandle[] {
  const series = data.findSeries(key);
  if (!series || series.rows === 0) {
    throw new ScenarioDataError(`the workspace holds no ${seriesLabel(key)} candles; import them (Data view, or "levdesk import FILE") or pick another scenario`);
  }
  const interval = INTERVAL_MS[key.interval];
  // The candle holding `start` may open before it.
  const from = Math.floor(start / interval) * interval;
  const candles = data.candles(series.id, from, end, MAX_CANDLES + 1);
  if (candles.length > MAX_CANDLES) throw new ScenarioDataError(`the window holds more than ${MAX_CANDLES} ${key.interval} candles; replay a shorter window`);
  if (candles.length === 0) {
    throw new ScenarioDataError(
      `the workspace's ${seriesLabel(key)} series covers ${isoUtc(series.from!)} to ${isoUtc(series.to! + interval)}, not the scenario's window ${isoUtc(start)} to ${isoUtc(end)}`,
    );
  }
  return candles;
}

function maxDecimals(candles: readonly StoredCandle[]): number {
  let d = 0;
  for (const c of candles) d = Math.max(d, decimalsOf(c.open), decimalsOf(c.high), decimalsOf(c.low), decimalsOf(c.close));
  return d;
}

function compileFunding(s: Scenario, data: MarketData, start: number, end: number): HistoryFunding | ModelFunding {
  const f = s.funding;
  if (f.source === 'model') {
    return {
      kind: 'model',
      intervalHours: f.intervalHours,
      rules: { interest: new Dec(f.interestBps).div(10_000), clamp: new Dec(f.clampBps).div(10_000), cap: new Dec(f.capBps).div(10_000) },
    };
  }
  const rows = data.fundingRange(f.venue, s.symbol, start, end + 24 * HOUR);
  const before = data.fundingBefore(f.venue, s.symbol, start + 1);
  const all = before && !rows.some((r) => r.t === before.t) ? [before, ...rows] : rows;
  if (all.length === 0 || (rows.length === 0 && (!before || start - before.t > 24 * HOUR))) {
    throw new ScenarioDataError(
      `funding "history" needs stored ${f.venue} ${s.symbol} funding rates around ${isoUtc(start)} to ${isoUtc(end)}; import the fundingRate file, or use "funding": { "source": "model" }`,
    );
  }
  return { kind: 'history', settlements: all.map((r) => ({ t: r.t, rate: new Dec(r.rate), intervalHours: r.intervalHours })) };
}

function checkTicks(n: number): void {
  if (n < 1) throw new ScenarioDataError('the scenario is shorter than one step');
  if (n > MAX_TICKS) throw new ScenarioDataError(`the scenario has ${n} ticks, more than ${MAX_TICKS}; shorten it or raise stepMs`);
}

/** About five significant digits: 30000 -> 0.1, 2000 -> 0.01, 0.5 -> 0.00001. */
export function defaultTick(startPrice: string): string {
  const digits = Math.floor(Math.log10(Number(startPrice)));
  const e = digits - 5;
  return e >= 0 ? `1${'0'.repeat(e)}` : `0.${'0'.repeat(-e - 1)}1`;
}

/** The coarsest fine-enough bar for a chart of the whole window (about 300 to 1,500 bars). */
export function barIntervalFor(durationMs: number): Interval {
  return INTERVALS.find((i) => durationMs / INTERVAL_MS[i] <= 1500) ?? '1w';
}
