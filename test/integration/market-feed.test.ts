import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioSchema, type Scenario, type ScenarioInput } from '#shared/domain/scenario';
import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import { compileScenario, ScenarioDataError, type MarketData } from '#main/market/feed/compile';
import { MarketFeed, type FeedEvent } from '#main/market/feed/market-feed';
import { MarketService } from '#main/market/market-service';
import { runMarketReplay } from '#main/market/replay/run-headless';
import { BUILTIN_SCENARIOS, builtinScenario } from '#main/market/scenarios/builtin';
import { loadScenarioFixtures, tempWorkspace, type TempWorkspace } from './market-kit';

let w: TempWorkspace;
let data: MarketData;
beforeAll(async () => {
  w = tempWorkspace('market-feed');
  await loadScenarioFixtures(w);
  data = new MarketService({ db: w.ws.db, dataDir: path.dirname(w.ws.path) }).data();
});
afterAll(() => w.cleanup());

const builtin = (id: string): Scenario => builtinScenario(id)!.scenario;
const all = (feed: MarketFeed): FeedEvent[] => {
  const out: FeedEvent[] = [];
  for (let e = feed.next(); e; e = feed.next()) out.push(e);
  return out;
};
const ticks = (events: FeedEvent[]): MarketTick[] => events.flatMap((e) => (e.kind === 'tick' ? [e.tick] : []));
const fundings = (events: FeedEvent[]): FundingTick[] => events.flatMap((e) => (e.kind === 'funding' ? [e.funding] : []));

describe('every built-in scenario', () => {
  for (const b of BUILTIN_SCENARIOS) {
    it(`${b.entry.id} runs: ticks strictly increase, prices are decimals, events are in time order`, () => {
      const events = all(new MarketFeed(compileScenario(b.scenario, data)));
      const ts = events.map((e) => (e.kind === 'tick' ? e.tick.t : e.funding.t));
      for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThanOrEqual(ts[i - 1]!);
      const tk = ticks(events);
      expect(tk.length).toBe(b.scenario.durationMinutes * 60_000 / compileScenario(b.scenario, data).stepMs);
      for (let i = 1; i < tk.length; i++) expect(tk[i]!.t).toBeGreaterThan(tk[i - 1]!.t);
      for (const t of tk.slice(0, 50)) expect(Number(t.mark)).toBeGreaterThan(0);
    });
  }
});

describe('seeded determinism', () => {
  for (const id of ['gbm-day', 'jump-diffusion-day', 'flash-crash', 'venue-wick', 'funding-squeeze']) {
    it(`${id}: the same seed gives the same ticks (hash), another seed different ones`, () => {
      const s = builtin(id);
      const short: Scenario = { ...s, durationMinutes: Math.min(s.durationMinutes, 600) };
      const a = runMarketReplay(short, data).market.sha256;
      const b = runMarketReplay(short, data).market.sha256;
      const c = runMarketReplay({ ...short, seed: short.seed + 1 }, data).market.sha256;
      expect(a).toBe(b);
      expect(c).not.toBe(a);
    });
  }

  it('pins the hash of the first hour of the GBM day (a change of model must be deliberate)', () => {
    const s: Scenario = { ...builtin('gbm-day'), durationMinutes: 60 };
    const r = runMarketReplay(s, data).market;
    expect(r.ticks).toBe(720);
    expect(r.sha256).toMatchSnapshot();
  });

  it('stored scenarios are reproducible too', () => {
    expect(runMarketReplay(builtin('cascade-2025-10-10'), data).market.sha256).toBe(runMarketReplay(builtin('cascade-2025-10-10'), data).market.sha256);
  });
});

describe('seek', () => {
  for (const [id, at] of [
    ['funding-squeeze', 1920], // exactly an 8 h settlement (15 s steps)
    ['funding-squeeze', 2503],
    ['ftx-2022-11', 10_000],
    ['cascade-2025-10-10', 333],
    ['venue-wick', 719],
  ] as const) {
    it(`${id}: seeking to tick ${at} gives exactly the events of a straight run from there`, () => {
      const spec = compileScenario(builtin(id), data);
      const straight = new MarketFeed(spec);
      const events = all(straight);
      const firstIndex = events.findIndex((e) => e.kind === 'tick' && e.tick.t === spec.start + at * spec.stepMs);
      const before = events.slice(0, firstIndex);
      let prevTick = before.length - 1;
      while (prevTick >= 0 && before[prevTick]!.kind !== 'tick') prevTick -= 1;
      const sought = new MarketFeed(spec);
      all(sought); // played to the end first, then back
      sought.seekTick(at);
      expect(sought.position).toBe(at);
      expect(all(sought)).toEqual(events.slice(prevTick + 1));
    });
  }
});

describe('one-venue wick', () => {
  const s = builtin('venue-wick');
  const spec = compileScenario(s, data);
  const feed = new MarketFeed(spec);
  const tk = ticks(all(feed));
  const wickAt = Date.parse(s.start) + 60 * 60_000;
  const before = tk.find((t) => t.t === wickAt - spec.stepMs)!;
  const during = tk.filter((t) => t.t >= wickAt && t.t < wickAt + 60_000);
  const low = (f: (t: MarketTick) => string): number => Math.min(...during.map((t) => Number(f(t))));
  const ref = Number(before.last);

  it('moves the wicking venue and the perp last by ~10 %', () => {
    const k = (wickAt + 30_000 - spec.start) / spec.stepMs;
    const coinbase = new MarketFeed(spec).indexSourcesAt(k).find((v) => v.venue === 'coinbase')!;
    expect(Number(coinbase.price) / ref - 1).toBeLessThan(-0.09);
    expect(coinbase.outlier).toBe(true);
    expect(low((t) => t.last) / ref - 1).toBeLessThan(-0.09);
  });

  it('moves the index by at most the clip band times the venue weight (1 % × 25 %), plus noise', () => {
    expect(low((t) => t.index) / Number(before.index) - 1).toBeGreaterThan(-0.0035);
  });

  it('does not bring the mark to the liquidation price of a 20x long opened just before', () => {
    // Isolated long, Binance first bracket: LP = entry × (1 - 1/leverage + mmr), mmr 0.4 %.
    const entry = Number(before.last);
    const liquidation = entry * (1 - 1 / 20 + 0.004);
    expect(low((t) => t.last)).toBeLessThan(liquidation); // the last did trade through it...
    expect(low((t) => t.mark)).toBeGreaterThan(liquidation); // ...the mark, which liquidates, did not
    expect(low((t) => t.mark) / Number(before.mark) - 1).toBeGreaterThan(-0.015);
  });

  it('gives the engine the mark components, so it can re-derive the mark after its own trades', () => {
    for (const t of during) {
      const { price1, price2 } = t.markComponents!;
      const sorted = [price1, price2, t.last].map(Number).sort((a, b) => a - b);
      expect(Number(t.mark)).toBe(sorted[1]);
    }
  });
});

describe('stale sources', () => {
  const base = ScenarioSchema.parse({
    name: 'outage',
    symbol: 'BTCUSDT',
    start: '2024-01-01T00:00:00Z',
    durationMinutes: 60,
    seed: 3,
    market: { type: 'gbm', startPrice: '40000', volatility: 0.5 },
    index: {
      venues: [
        { id: 'a', weight: 50, noiseBps: 0, outages: [{ fromMinute: 10, toMinute: 30 }] },
        { id: 'b', weight: 50, noiseBps: 0, outages: [{ fromMinute: 10, toMinute: 40 }] },
        { id: 'c', weight: 1, noiseBps: 0, outages: [{ fromMinute: 20, toMinute: 40 }] },
      ],
      staleMs: 300_000,
    },
  } satisfies ScenarioInput);

  it('ignores a venue once it has been silent for longer than staleMs, and holds the index when all are', () => {
    const spec = compileScenario(base, data);
    const feed = new MarketFeed(spec);
    const k = (minute: number): number => (minute * 60_000) / spec.stepMs;
    expect(feed.indexSourcesAt(k(12)).map((s) => s.stale)).toEqual([false, false, false]);
    expect(feed.indexSourcesAt(k(16)).map((s) => s.stale)).toEqual([true, true, false]);
    const tk = ticks(all(feed));
    // From minute 16 to 20 only c counts: index = c's price (no noise) = the anchor on the tick grid.
    const at16 = tk[k(16)]!;
    expect(Number(at16.index)).toBe(Number(feed.indexSourcesAt(k(16))[2]!.price));
    // From minute 25 to 30 all three are stale: the index holds.
    expect(new Set(tk.slice(k(26), k(30)).map((t) => t.index)).size).toBe(1);
  });
});

describe('funding', () => {
  it('replays the stored Binance history: 89 settlements in November 2022 after the first instant, FTX day negative', () => {
    const f = fundings(all(new MarketFeed(compileScenario(builtin('ftx-2022-11'), data))));
    expect(f).toHaveLength(89);
    expect(f.every((x) => x.source === 'history' && x.intervalHours === 8)).toBe(true);
    expect(f.find((x) => x.t === Date.parse('2022-11-10T00:00:00Z'))!.rate).toBe('-0.00119172');
  });

  it('turns a persistent premium into capped positive funding', () => {
    const f = fundings(all(new MarketFeed(compileScenario(builtin('funding-squeeze'), data))));
    expect(f).toHaveLength(8);
    expect(f.every((x) => x.source === 'model')).toBe(true);
    expect(f.slice(1).every((x) => x.rate === '0.003')).toBe(true);
  });

  it('a quiet market pays the interest rate', () => {
    const f = fundings(all(new MarketFeed(compileScenario(builtin('gbm-day'), data))));
    expect(f.map((x) => x.rate)).toEqual(['0.0001', '0.0001']);
  });
});

describe('liquidity and the real mark', () => {
  it('the flash crash thins the book to 5 % with a 40 bps spread during the fall', () => {
    const r = runMarketReplay(builtin('flash-crash'), data).market;
    expect(r.liquidityGaps).toEqual([{ from: '2024-03-01T02:00:00Z', to: '2024-03-01T02:24:55Z', minDepthScale: 0.05, maxSpreadBps: 40 }]);
  });

  it('the October 10 cascade replays the stored mark: its low is the real 101,877.68981743, below which last traded', () => {
    const r = runMarketReplay(builtin('cascade-2025-10-10'), data).market;
    expect(r.mark!.min).toBe('101877.68981743');
    expect(r.last!.min).toBe('101516.50');
    expect(r.last!.minAt).toBe(r.mark!.minAt);
  });
});

describe('missing data', () => {
  it('names the series to import when the workspace lacks it', () => {
    const s = ScenarioSchema.parse({ ...builtin('ftx-2022-11'), symbol: 'ETHUSDT' });
    expect(() => compileScenario(s, data)).toThrow(ScenarioDataError);
    expect(() => compileScenario(s, data)).toThrow(/no binance ETHUSDT 1h trade candles; import them/);
  });

  it('says what the series covers when the window is outside it', () => {
    const s = ScenarioSchema.parse({ ...builtin('ftx-2022-11'), start: '2023-01-01T00:00:00Z' });
    expect(() => compileScenario(s, data)).toThrow(/covers 2022-11-01T00:00:00Z to 2022-12-01T00:00:00Z/);
  });
});
