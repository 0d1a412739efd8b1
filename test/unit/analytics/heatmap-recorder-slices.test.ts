import { describe, expect, it } from 'vitest';
import { ScenarioSchema, type Scenario } from '#shared/domain/scenario';
import { engineRows } from '#main/analytics/heatmap/engine-rows';
import { computeGrid } from '#main/analytics/heatmap/grid';
import { HeatmapRecorder } from '#main/analytics/heatmap/recorder';
import { rowsAliveAt } from '#main/analytics/heatmap/segments-query';
import { compileScenario, type MarketData } from '#main/market/feed/compile';
import { MarketFeed } from '#main/market/feed/market-feed';
import { Engine } from '#main/engine/engine';
import { HeadlessEngine } from '#main/trading/headless-engine';
import { sessionFromScenario } from '#main/trading/session';

const NO_DATA: MarketData = { findSeries: () => null, candles: () => [], fundingRange: () => [], fundingBefore: () => null };

const crowd = (traders: number) => ({
  seed: 5,
  traders,
  longShare: 0.6,
  leverage: [
    { leverage: 5, weight: 1 },
    { leverage: 25, weight: 2 },
    { leverage: 100, weight: 1 },
  ],
  notional: { median: 8000, logSigma: 1 },
  crossShare: 0.3,
  stops: { share: 0.3, minDistance: 0.01, maxDistance: 0.05 },
  entryWindowHours: 0,
});

/** Ten hours of a persistent premium: the 08:00 settlement at the cap, longs paying. */
function squeeze(traders: number): Scenario {
  return ScenarioSchema.parse({
    name: 'squeeze',
    symbol: 'BTCUSDT',
    start: '2024-05-01T00:00:00Z',
    durationMinutes: 600,
    seed: 11,
    stepMs: 60_000,
    market: { type: 'funding-squeeze', startPrice: '60000', volatility: 0.35, premiumBps: 40, rampMinutes: 120 },
    funding: { source: 'model', intervalHours: 8, interestBps: 1, clampBps: 5, capBps: 30 },
    crowd: crowd(traders),
  });
}

function crash(traders: number): Scenario {
  return ScenarioSchema.parse({
    name: 'crash',
    symbol: 'BTCUSDT',
    start: '2024-03-01T00:00:00Z',
    durationMinutes: 120,
    seed: 42,
    market: { type: 'flash-crash', startPrice: '60000', volatility: 0.4, crashAtMinute: 30, crashMinutes: 15, dropPct: 0.18, reboundShare: 0.5, reboundMinutes: 45, gap: { depthScale: 0.05, spreadBps: 40 } },
    account: { insuranceFund: '50000', bookDepthScale: 0.05 },
    crowd: crowd(traders),
  });
}

const key = (r: { kind: number; priceText: string; qtySteps: number }) => `${r.kind}|${r.priceText}|${r.qtySteps}`;

/** A scheduler the test runs by hand: slices interleave with ticks the way setImmediate lets them. */
function manual() {
  const queue: Array<() => void> = [];
  return {
    schedule: (fn: () => void) => void queue.push(fn),
    runOne: () => queue.shift()?.(),
    runAll: () => {
      while (queue.length > 0) queue.shift()!();
    },
    get size() {
      return queue.length;
    },
  };
}

describe('heatmap recorder in slices', () => {
  it('reads a crowd a slice at a time, between ticks, and ends equal to the engine and to the full grid', async () => {
    const scenario = crash(600);
    const headless = new HeadlessEngine(sessionFromScenario(scenario, null));
    const sched = manual();
    // A zero budget: every slice reads 32 accounts and yields, as a 100,000-trader crowd would.
    const recorder = new HeatmapRecorder(() => headless.engine, () => 'BTCUSDT', { sliceMs: 0, schedule: sched.schedule });
    const feed = new MarketFeed(compileScenario(scenario, NO_DATA));
    const start = Date.parse(scenario.start);
    const w = { t0: start, t1: start + 120 * 60_000, p0: 30_000, p1: 90_000, cols: 240, rows: 120 };
    let maxBacklog = 0;
    let sawQueued = false;
    let building: Promise<ReturnType<HeatmapRecorder['liveGrid']>> | null = null;
    let ticks = 0;
    for (let e = feed.next(); e; e = feed.next()) {
      if (e.kind === 'tick') {
        headless.onTick(e.tick);
        recorder.onTick(e.tick);
        // The view asks for its grid mid-replay: built in slices while the replay goes on.
        if (++ticks === 40) building = recorder.liveGridSliced(w);
      } else {
        headless.onFunding(e.funding);
        recorder.onFunding(e.funding);
      }
      maxBacklog = Math.max(maxBacklog, recorder.backlog);
      if (sched.size > 0) sawQueued = true;
      sched.runOne();
    }
    sched.runAll();
    const live = await building!;
    expect(recorder.liveGrid(w)).toBe(live);
    expect(sawQueued).toBe(true);
    expect(maxBacklog).toBeGreaterThan(100);
    expect(recorder.backlog).toBe(0);
    const engineNow = engineRows(headless.engine, 'BTCUSDT', true).map(key).sort();
    expect(engineNow.length).toBeGreaterThan(50);
    expect(rowsAliveAt(recorder.store, recorder.now).map(key).sort()).toEqual(engineNow);
    expect(Array.from(recorder.liveGrid(w).data)).toEqual(Array.from(computeGrid(recorder.store, w, recorder.now)));
  });

  it('settled() resolves once the queue is read', async () => {
    const scenario = crash(300);
    const headless = new HeadlessEngine(sessionFromScenario(scenario, null));
    const recorder = new HeatmapRecorder(() => headless.engine, () => 'BTCUSDT', { sliceMs: 0 });
    const feed = new MarketFeed(compileScenario(scenario, NO_DATA));
    const e = feed.next()!;
    if (e.kind !== 'tick') throw new Error('a tick first');
    headless.onTick(e.tick);
    recorder.onTick(e.tick);
    expect(recorder.backlog).toBeGreaterThan(0);
    await recorder.settled();
    expect(recorder.backlog).toBe(0);
    expect(rowsAliveAt(recorder.store, recorder.now).map(key).sort()).toEqual(engineRows(headless.engine, 'BTCUSDT', true).map(key).sort());
  });

  it('after a funding settlement it re-reads every position exactly: its levels are the re-solved ones, not the stale ones', () => {
    const scenario = squeeze(300);
    const headless = new HeadlessEngine(sessionFromScenario(scenario, null));
    const sched = manual();
    const recorder = new HeatmapRecorder(() => headless.engine, () => 'BTCUSDT', { sliceMs: 0, schedule: sched.schedule });
    const feed = new MarketFeed(compileScenario(scenario, NO_DATA));
    let settlements = 0;
    let checked = 0;
    for (let e = feed.next(); e; e = feed.next()) {
      if (e.kind === 'tick') {
        headless.onTick(e.tick);
        recorder.onTick(e.tick);
      } else {
        headless.onFunding(e.funding);
        recorder.onFunding(e.funding);
        if (e.funding.rate !== '0') settlements += 1;
      }
      sched.runAll();
      if (e.kind !== 'funding' || e.funding.rate === '0') continue;
      const exact = engineRows(headless.engine, 'BTCUSDT', true).map(key).sort();
      const stale = engineRows(headless.engine, 'BTCUSDT', false).map(key).sort();
      // The settlement moved liquidation prices the engine has not re-solved yet.
      expect(stale).not.toEqual(exact);
      expect(rowsAliveAt(recorder.store, recorder.now).map(key).sort()).toEqual(exact);
      checked += 1;
    }
    expect(settlements).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(0);
  });

  it('keeps its queue while the trading engine is mid-event (queries see a stand-in), and reads it once the event is whole', async () => {
    const scenario = squeeze(300);
    const headless = new HeadlessEngine(sessionFromScenario(scenario, null));
    const standIn = new Engine();
    let busy: { promise: Promise<void>; end: () => void } | null = null;
    const sched = manual();
    const recorder = new HeatmapRecorder(() => (busy ? standIn : headless.engine), () => 'BTCUSDT', { sliceMs: 0, schedule: sched.schedule, engineBusy: () => busy?.promise ?? null });
    const feed = new MarketFeed(compileScenario(scenario, NO_DATA));
    let checked = false;
    for (let e = feed.next(); e && !checked; e = feed.next()) {
      if (e.kind === 'tick') {
        headless.onTick(e.tick);
        recorder.onTick(e.tick);
        sched.runAll();
        continue;
      }
      headless.onFunding(e.funding);
      if (e.funding.rate === '0') continue;
      // The trading service settles a big crowd's funding in slices: its engine is a stand-in meanwhile.
      let end = (): void => undefined;
      const promise = new Promise<void>((resolve) => (end = resolve));
      busy = { promise, end };
      recorder.onFunding(e.funding);
      sched.runAll();
      expect(recorder.backlog).toBeGreaterThan(100);
      busy = null;
      end();
      await promise;
      await new Promise((r) => setImmediate(r));
      sched.runAll();
      expect(recorder.backlog).toBe(0);
      expect(rowsAliveAt(recorder.store, recorder.now).map(key).sort()).toEqual(engineRows(headless.engine, 'BTCUSDT', true).map(key).sort());
      checked = true;
    }
    expect(checked).toBe(true);
  });
});
