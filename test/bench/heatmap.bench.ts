/**
 * The heatmap's costs with 100,000 positions (issue 12's budgets: full grid 1,000 × 500 ≤ 35 ms,
 * incremental tick ≤ 1 ms; the draw is measured in Chromium by heatmap-view.bench.ts):
 *  1. synthetic: 100,000 open positions plus 50,000 changes over the day, as segments: the full
 *     grid, and the live grid's tick with 20 changed positions;
 *  2. the real thing: a 100,000-trader crowd in the engine through a flash crash, the recorder
 *     following it tick by tick (its cost per tick), then the grid, the exact levels at the clock
 *     and one hover card.
 * CPU times (see time()) unless marked wall. Prints figures; asserts nothing.
 */
import { ScenarioSchema } from '#shared/domain/scenario';
import { engineRows } from '#main/analytics/heatmap/engine-rows';
import { computeGrid, LiveGrid, type GridWindow } from '#main/analytics/heatmap/grid';
import { binningFor, detailOf, exactLevels, levelOf } from '#main/analytics/heatmap/levels';
import { HeatmapRecorder } from '#main/analytics/heatmap/recorder';
import { SegmentStore, type SegmentKind } from '#main/analytics/heatmap/segments';
import { compileScenario, type MarketData } from '#main/market/feed/compile';
import { MarketFeed } from '#main/market/feed/market-feed';
import { HeadlessEngine } from '#main/trading/headless-engine';
import { sessionFromScenario } from '#main/trading/session';

const N = Number(process.env.POSITIONS ?? 100_000);
const DAY = 86_400_000;
const W: GridWindow = { t0: 0, t1: DAY, p0: 30_000, p1: 90_000, cols: 1000, rows: 500 };

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(3)} ms, p95 ${q(0.95).toFixed(3)} ms, max ${s[s.length - 1]!.toFixed(3)} ms (n=${s.length})`;
}

/**
 * CPU time of the call (user + system), not wall time: on a machine shared with other work the
 * wall clock counts the waits for a core too. Wall time is printed beside it where it matters.
 */
function time<T>(fn: () => T): [T, number] {
  const c = process.cpuUsage();
  const out = fn();
  const d = process.cpuUsage(c);
  return [out, (d.user + d.system) / 1000];
}

function wall<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

// ---- 1. synthetic segments --------------------------------------------------------------------
let seed = 12345;
const rnd = (): number => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const row = () => {
  const price = 60_000 * (0.6 + rnd() * 0.8);
  return { kind: Math.floor(rnd() * 3) as SegmentKind, price, priceText: price.toFixed(1), qtySteps: 1 + Math.floor(rnd() * 2000), leverage: 10, cross: false, mine: false };
};
const store = new SegmentStore();
const [, fill] = time(() => {
  for (let i = 0; i < N; i++) store.replace(`c:${i}`, [row()], 0);
  for (let i = 0; i < N / 2; i++) store.replace(`c:${Math.floor(rnd() * N)}`, [row()], Math.floor((i / (N / 2)) * DAY * 0.5));
});
store.drainChanges();
console.log(`synthetic: ${N} positions + ${N / 2} changes = ${store.size} segments, recorded in ${fill.toFixed(0)} ms`);
const fulls: number[] = [];
const walls: number[] = [];
for (let i = 0; i < 10; i++) {
  fulls.push(time(() => computeGrid(store, W, DAY * 0.5))[1]);
  walls.push(wall(() => computeGrid(store, W, DAY * 0.5))[1]);
}
console.log(`full grid 1000 × 500: CPU ${stats(fulls)}   (budget 35 ms)`);
console.log(`                     wall ${stats(walls)}`);
const live = new LiveGrid(W, 0b111, store, DAY * 0.5);
const ticks: number[] = [];
let now = DAY * 0.5;
for (let k = 0; k < 2000; k++) {
  now += 5000;
  for (let j = 0; j < 20; j++) store.replace(`c:${Math.floor(rnd() * N)}`, [row()], now);
  const changes = store.drainChanges();
  ticks.push(wall(() => live.advance(store, changes, now))[1]);
}
console.log(`incremental tick (20 positions changed, 5 s of market time), wall: ${stats(ticks)}   (budget 1 ms)`);
const check = computeGrid(store, W, now);
let same = true;
for (let i = 0; i < check.length; i++) if (check[i] !== live.data[i]) same = false;
console.log(`live grid after 2,000 ticks equals the full recompute: ${same}`);
console.log(`memory: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB heap (store capacity ${store.capacity.toLocaleString()} segments, then the oldest closed ones are dropped)`);

// A store at its capacity: each of N keys re-read with a new level per round (as after funding
// settlements) until the store has compacted three times; the read that compacts holds main.
const full = new SegmentStore();
const compactMs: number[] = [];
for (let t = 1; compactMs.length < 3; t++) {
  for (let i = 0; i < N; i++) {
    const before = full.compactions;
    const [, ms] = wall(() => full.replace(`c:${i}`, [row()], t));
    if (full.compactions !== before) compactMs.push(ms);
  }
  full.drainChanges();
}
console.log(`compaction at capacity (${full.capacity.toLocaleString()} segments, ${N.toLocaleString()} keys), the read that runs it, wall: ${compactMs.map((x) => x.toFixed(0)).join(' / ')} ms`);

// ---- 2. a real crowd ----------------------------------------------------------------------------
const NO_DATA: MarketData = { findSeries: () => null, candles: () => [], fundingRange: () => [], fundingBefore: () => null };
const scenario = ScenarioSchema.parse({
  name: 'bench crash',
  symbol: 'BTCUSDT',
  start: '2024-03-01T00:00:00Z',
  durationMinutes: 120,
  seed: 42,
  market: { type: 'flash-crash', startPrice: '60000', volatility: 0.4, crashAtMinute: 30, crashMinutes: 15, dropPct: 0.18, reboundShare: 0.5, reboundMinutes: 45, gap: { depthScale: 0.05, spreadBps: 40 } },
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
const headless = new HeadlessEngine(sessionFromScenario(scenario, null));
// Everything read at once (no slices), to show the total cost of each read; heatmap-loop.bench.ts
// measures the app's sliced recorder against the event loop.
const recorder = new HeatmapRecorder(() => headless.engine, () => 'BTCUSDT', { sliceMs: Number.POSITIVE_INFINITY });
const feed = new MarketFeed(compileScenario(scenario, NO_DATA));
const start = Date.parse(scenario.start);
const rw: GridWindow = { t0: start, t1: start + 120 * 60_000, p0: 40_000, p1: 80_000, cols: 1000, rows: 500 };
const syncs: number[] = [];
let first = 0;
let engineMs = 0;
for (let e = feed.next(); e; e = feed.next()) {
  if (e.kind !== 'tick') {
    headless.onFunding(e.funding);
    recorder.onFunding(e.funding);
    continue;
  }
  engineMs += time(() => headless.onTick(e.tick))[1];
  const [, ms] = time(() => recorder.onTick(e.tick));
  if (first === 0) {
    first = ms;
    recorder.liveGrid(rw);
  } else syncs.push(ms);
}
const res = headless.result();
console.log(`\nengine crowd of ${N}: ${res.liquidations.total} liquidations over ${syncs.length + 1} ticks (engine ${(engineMs / 1000).toFixed(1)} s)`);
console.log(`recorder, first read of the whole crowd at once: ${first.toFixed(0)} ms (in the app: 8 ms slices); then per tick (changes + live grid): ${stats(syncs)}`);
console.log(`recorded segments: ${recorder.store.size.toLocaleString()}`);
const rfull: number[] = [];
for (let i = 0; i < 5; i++) rfull.push(time(() => computeGrid(recorder.store, rw, recorder.now))[1]);
console.log(`full grid 1000 × 500 from the recorded crowd: ${stats(rfull)}`);
const m = headless.engine.readState.markets.get('BTCUSDT')!;
const [rows, readMs] = time(() => engineRows(headless.engine, 'BTCUSDT', true));
const [levels, levelsMs] = time(() => exactLevels(rows, binningFor(rows, m.mark, 40, m.spec.tickSize), m.spec.stepSize, m.mark));
const b = binningFor(rows, m.mark, 40, m.spec.tickSize);
const [, detailMs] = time(() => detailOf(rows, (r) => levelOf(b, r.price, r.priceText) === 20, 0, levels[20]!.priceFrom, levels[20]!.priceTo, m.spec.stepSize, m.mark));
console.log(`exact levels at the clock (${rows.length} rows): read ${readMs.toFixed(0)} ms + 40 levels ${levelsMs.toFixed(1)} ms; one hover card ${detailMs.toFixed(1)} ms`);
