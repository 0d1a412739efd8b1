/**
 * Does the heatmap hold main's event loop? A 100,000-trader crowd (POSITIONS to change it)
 * through a flash crash with a funding settlement in the middle, replayed the way the app does
 * it: each event applied to the engine, then handed to the recorder, then the loop is free
 * (setImmediate) for whatever the recorder queued (its first read of the crowd, cascade steps,
 * the exact re-read after the settlement), plus the view's grid and levels asked for now and
 * then. Prints wall times of every synchronous piece of heatmap work (the budget: none over
 * 50 ms) and the event loop's delay over the run (which also counts the engine's own ticks, shown
 * beside it). Asserts nothing.
 */
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { ScenarioSchema } from '#shared/domain/scenario';
import { computeGridSliced } from '#main/analytics/heatmap/grid-sliced';
import { binningFor, exactLevels } from '#main/analytics/heatmap/levels';
import { HeatmapRecorder } from '#main/analytics/heatmap/recorder';
import { rowsAliveAt } from '#main/analytics/heatmap/segments-query';
import { compileScenario, type MarketData } from '#main/market/feed/compile';
import { MarketFeed } from '#main/market/feed/market-feed';
import { HeadlessEngine } from '#main/trading/headless-engine';
import { sessionFromScenario } from '#main/trading/session';

const N = Number(process.env.POSITIONS ?? 100_000);
const NO_DATA: MarketData = { findSeries: () => null, candles: () => [], fundingRange: () => [], fundingBefore: () => null };

function stats(xs: readonly number[]): string {
  if (xs.length === 0) return 'none';
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms, max ${s[s.length - 1]!.toFixed(2)} ms (n=${s.length})`;
}

const scenario = ScenarioSchema.parse({
  name: 'bench crash with funding',
  symbol: 'BTCUSDT',
  start: '2024-03-01T07:00:00Z',
  durationMinutes: 120,
  seed: 42,
  market: { type: 'flash-crash', startPrice: '60000', volatility: 0.4, crashAtMinute: 75, crashMinutes: 15, dropPct: 0.18, reboundShare: 0.5, reboundMinutes: 25, gap: { depthScale: 0.05, spreadBps: 40 } },
  funding: { source: 'model', intervalHours: 8, interestBps: 1, clampBps: 5, capBps: 30 },
  account: { insuranceFund: '50000000', bookDepthScale: 1 },
  crowd: {
    seed: 7,
    traders: N,
    longShare: 0.6,
    leverage: [
      { leverage: 5, weight: 2 },
      { leverage: 20, weight: 2 },
      { leverage: 50, weight: 1 },
      { leverage: 100, weight: 1 },
    ],
    notional: { median: 5000, logSigma: 1 },
    crossShare: 0.3,
    stops: { share: 0.3, minDistance: 0.01, maxDistance: 0.05 },
    entryWindowHours: 0,
  },
});

/**
 * Wall and CPU time of each piece. On a machine shared with other work (this one: 2 cores, many
 * processes) the wall time also counts waits for a core and the collector, so the CPU time of the
 * process (main thread plus the collector's helpers) is printed beside it.
 */
interface Times {
  wall: number[];
  cpu: number[];
  /** [start, end] of each piece (performance.now), to tell which ones a garbage collection fell in. */
  spans: Array<readonly [number, number]>;
}
const times = (): Times => ({ wall: [], cpu: [], spans: [] });
// The engine's 100,000 accounts make a big heap: a major collection can stop whatever runs for 100 ms+.
const gcs: PerformanceEntry[] = [];
const gcObserver = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
gcObserver.observe({ entryTypes: ['gc'] });
/** Pieces over 50 ms wall, and how many of them a collection of ≥ 20 ms overlapped. */
const over = (x: Times): string => {
  const long = x.spans.filter(([a, b]) => b - a > 50);
  const withGc = long.filter(([a, b]) => gcs.some((g) => g.duration >= 20 && g.startTime < b && g.startTime + g.duration > a));
  return `${long.length} over 50 ms wall, ${withGc.length} of them with a garbage collection ≥ 20 ms inside`;
};
const heat = times();
const slices = times();
const engineTicks = times();
const grids: number[] = [];
const timed = (into: Times, fn: () => void): void => {
  const t = performance.now();
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  const end = performance.now();
  into.wall.push(end - t);
  into.cpu.push((d.user + d.system) / 1000);
  into.spans.push([t, end]);
};
const both = (x: Times): string => `wall ${stats(x.wall)}\n      CPU  ${stats(x.cpu)}\n      ${over(x)}`;

const built = performance.now();
const headless = new HeadlessEngine(sessionFromScenario(scenario, null));
console.log(`crowd of ${N.toLocaleString()} built by the engine in ${((performance.now() - built) / 1000).toFixed(1)} s (the engine's work, not the heatmap's)`);
const recorder = new HeatmapRecorder(
  () => headless.engine,
  () => 'BTCUSDT',
  { schedule: (fn) => setImmediate(() => timed(slices, fn)) },
);
const feed = new MarketFeed(compileScenario(scenario, NO_DATA));
const start = Date.parse(scenario.start);
const w = { t0: start, t1: start + 120 * 60_000, p0: 40_000, p1: 80_000, cols: 1000, rows: 500 };
const yieldLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let events = 0;
let settlements = 0;
let backlogMax = 0;
const wallStart = performance.now();
for (let e = feed.next(); e; e = feed.next()) {
  if (e.kind === 'tick') {
    const tick = e.tick;
    timed(engineTicks, () => headless.onTick(tick));
    timed(heat, () => recorder.onTick(tick));
    if (events === 0) timed(heat, () => recorder.liveGrid(w));
  } else {
    const f = e.funding;
    headless.onFunding(f);
    timed(heat, () => recorder.onFunding(f));
    settlements += 1;
  }
  backlogMax = Math.max(backlogMax, recorder.backlog);
  events += 1;
  // The view asks for a zoomed grid every 200 events: computed in slices too.
  if (events % 200 === 0) {
    const t = performance.now();
    await recorder.settled();
    await computeGridSliced(recorder.store, { ...w, t0: start + 30 * 60_000 }, recorder.now, 0b111, (fn) => setImmediate(() => timed(slices, fn)));
    grids.push(performance.now() - t);
  }
  await yieldLoop();
}
await recorder.settled();
loop.disable();
await new Promise<void>((resolve) => setTimeout(resolve, 50));
gcObserver.disconnect();
const gcTotal = gcs.reduce((a, g) => a + g.duration, 0);
console.log(`garbage collections: ${gcs.length}, ${(gcTotal / 1000).toFixed(1)} s in all, longest ${Math.max(0, ...gcs.map((g) => g.duration)).toFixed(0)} ms`);
const res = headless.result();
console.log(`replay: ${events} events (${settlements} funding settlements), ${res.liquidations.total} liquidations, ${((performance.now() - wallStart) / 1000).toFixed(1)} s wall; most accounts queued at once: ${backlogMax.toLocaleString()}`);
console.log(`heatmap on the tick (onTick/onFunding: the trader's row + one slice), budget 50 ms:\n      ${both(heat)}`);
console.log(`heatmap slices after the tick (queued reads, grid pieces), budget 50 ms:\n      ${both(slices)}`);
console.log(`engine's own tick, for comparison:\n      ${both(engineTicks)}`);
console.log(`event loop delay over the run (engine + heatmap): p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`);
console.log(`zoomed grid 1000 × 500 in slices, request to answer (wall, loop free in between): ${stats(grids)}; ${recorder.store.size.toLocaleString()} segments at the end`);
const t = performance.now();
const rows = rowsAliveAt(recorder.store, recorder.now);
const m = headless.engine.readState.markets.get('BTCUSDT')!;
exactLevels(rows, binningFor(rows, m.mark, 40, m.spec.tickSize), m.spec.stepSize, m.mark);
console.log(`levels at the clock from the segments (${rows.length.toLocaleString()} rows, 40 levels): ${(performance.now() - t).toFixed(1)} ms`);
