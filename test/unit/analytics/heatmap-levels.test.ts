import { describe, expect, it } from 'vitest';
import { ScenarioSchema, type Scenario } from '#shared/domain/scenario';
import { Dec, ZERO } from '#shared/money/decimal';
import { engineRows } from '#main/analytics/heatmap/engine-rows';
import { computeGrid } from '#main/analytics/heatmap/grid';
import { binningFor, exactLevels, levelOf } from '#main/analytics/heatmap/levels';
import { HeatmapRecorder } from '#main/analytics/heatmap/recorder';
import { rowsAliveAt } from '#main/analytics/heatmap/segments-query';
import { compileScenario, type MarketData } from '#main/market/feed/compile';
import { MarketFeed } from '#main/market/feed/market-feed';
import { LIQUIDITY_ID } from '#main/engine/model/ids';
import { HeadlessEngine } from '#main/trading/headless-engine';
import { sessionFromScenario } from '#main/trading/session';

const NO_DATA: MarketData = { findSeries: () => null, candles: () => [], fundingRange: () => [], fundingBefore: () => null };

function crash(traders: number, durationMinutes = 120): Scenario {
  return ScenarioSchema.parse({
    name: 'crash',
    symbol: 'BTCUSDT',
    start: '2024-03-01T00:00:00Z',
    durationMinutes,
    seed: 42,
    market: { type: 'flash-crash', startPrice: '60000', volatility: 0.4, crashAtMinute: 30, crashMinutes: 15, dropPct: 0.18, reboundShare: 0.5, reboundMinutes: 45, gap: { depthScale: 0.05, spreadBps: 40 } },
    account: { insuranceFund: '50000', bookDepthScale: 0.05 },
    crowd: {
      seed: 7,
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
      entryWindowHours: 0.5,
    },
  });
}

/** Plays a scenario through a headless engine, handing the engine to `after` once each event is applied. */
function playCrash(scenario: Scenario, after: (engine: HeadlessEngine['engine'], kind: 'tick' | 'funding', i: number) => void): HeadlessEngine {
  const headless = new HeadlessEngine(sessionFromScenario(scenario, null));
  const feed = new MarketFeed(compileScenario(scenario, NO_DATA));
  for (let e = feed.next(), i = 0; e; e = feed.next(), i++) {
    if (e.kind === 'tick') headless.onTick(e.tick);
    else headless.onFunding(e.funding);
    after(headless.engine, e.kind, i);
  }
  return headless;
}

describe('heatmap levels from the engine', () => {
  it('long levels sum to the open long quantity, shorts to the shorts, stops to the resting stops; every position in one level', () => {
    let checked = 0;
    const headless = playCrash(crash(600), (engine, _kind, i) => {
      if (i % 300 !== 150) return;
      const m = engine.readState.markets.get('BTCUSDT')!;
      let longs = ZERO;
      let shorts = ZERO;
      let stops = ZERO;
      for (const [id, p] of engine.indexes.positionsIn('BTCUSDT')) {
        if (id === LIQUIDITY_ID) continue;
        if (p.side === 'long') longs = longs.plus(p.qty);
        else shorts = shorts.plus(p.qty);
        const a = engine.readState.accounts.get(id)!;
        for (const o of a.orders.values()) if (o.status === 'pending' && o.type === 'stopMarket') stops = stops.plus(o.closePosition ? p.qty : o.qty);
      }
      const rows = engineRows(engine, 'BTCUSDT', true);
      for (const bins of [1, 7, 40, 333]) {
        const levels = exactLevels(rows, binningFor(rows, m.mark, bins, m.spec.tickSize), m.spec.stepSize, m.mark);
        expect(levels).toHaveLength(bins);
        const sum = (pick: (l: (typeof levels)[number]) => string) => levels.reduce((a, l) => a.plus(pick(l)), ZERO);
        expect(sum((l) => l.long.quantity).toFixed()).toBe(longs.toFixed());
        expect(sum((l) => l.short.quantity).toFixed()).toBe(shorts.toFixed());
        expect(sum((l) => l.stops.quantity).toFixed()).toBe(stops.toFixed());
        // Levels are contiguous, sorted, and each one's notional is its quantity at the mark.
        for (let k = 1; k < levels.length; k++) expect(levels[k]!.priceFrom).toBe(levels[k - 1]!.priceTo);
        for (const l of levels) expect(new Dec(l.long.notional).eq(new Dec(l.long.quantity).mul(m.mark))).toBe(true);
      }
      checked += 1;
    });
    expect(checked).toBeGreaterThan(3);
    expect(headless.result().liquidations.total).toBeGreaterThan(0);
  });

  it("gives each row its exact text's double: the index's own float, or the parsed text of a price solved again after a settlement", () => {
    let settled = 0;
    playCrash(crash(200, 9 * 60), (engine, kind, i) => {
      // Just after a settlement every entry is stale, so each position is solved again here.
      if (kind !== 'funding' && i % 500 !== 0) return;
      const rows = engineRows(engine, 'BTCUSDT', true);
      for (const r of rows) expect(r.price, r.priceText).toBe(Number(r.priceText));
      if (kind === 'funding') settled += rows.length;
    });
    expect(settled).toBeGreaterThan(20);
  });

  it('a price exactly on a level edge belongs to the level above it (exact decimals at the edge)', () => {
    const rows = [
      { kind: 0 as const, price: 100, priceText: '100', qtySteps: 1, leverage: 10, cross: false, mine: false },
      { kind: 0 as const, price: 110, priceText: '110', qtySteps: 2, leverage: 10, cross: false, mine: false },
      { kind: 0 as const, price: 109.99999999999999, priceText: '109.99999999999999', qtySteps: 4, leverage: 10, cross: false, mine: false },
    ];
    const b = binningFor(rows, new Dec(120), 2, new Dec('0.1'));
    expect(b.lo.toFixed()).toBe('100');
    expect(b.width.toFixed()).toBe('10');
    expect(levelOf(b, 110, '110')).toBe(1);
    expect(levelOf(b, 109.99999999999999, '109.99999999999999')).toBe(0);
  });

  it('the recorder follows the engine tick by tick: its segments alive now are the engine rows now, its live grid equals the full one', () => {
    const scenario = crash(400);
    const headless = new HeadlessEngine(sessionFromScenario(scenario, null));
    const recorder = new HeatmapRecorder(() => headless.engine, () => 'BTCUSDT');
    const feed = new MarketFeed(compileScenario(scenario, NO_DATA));
    const start = Date.parse(scenario.start);
    const w = { t0: start, t1: start + 120 * 60_000, p0: 30_000, p1: 90_000, cols: 300, rows: 150 };
    let live: ReturnType<HeatmapRecorder['liveGrid']> | null = null;
    for (let e = feed.next(); e; e = feed.next()) {
      if (e.kind === 'tick') {
        headless.onTick(e.tick);
        recorder.onTick(e.tick);
        live ??= recorder.liveGrid(w);
      } else {
        headless.onFunding(e.funding);
        recorder.onFunding(e.funding);
      }
    }
    recorder.drainAll();
    const key = (r: { kind: number; priceText: string; qtySteps: number }) => `${r.kind}|${r.priceText}|${r.qtySteps}`;
    const engineNow = engineRows(headless.engine, 'BTCUSDT', true).map(key).sort();
    expect(rowsAliveAt(recorder.store, recorder.now).map(key).sort()).toEqual(engineNow);
    expect(engineNow.length).toBeGreaterThan(50);
    expect(Array.from(recorder.liveGrid(w).data)).toEqual(Array.from(computeGrid(recorder.store, w, recorder.now)));
    expect(recorder.liveGrid(w)).toBe(live);
  });
});
