import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketTick } from '#shared/domain/market-tick';
import { Dec, ZERO } from '#shared/money/decimal';
import { engineRows } from '#main/analytics/heatmap/engine-rows';
import { headlessLevels } from '#main/analytics/heatmap/headless-levels';
import { compileScenario } from '#main/market/feed/compile';
import { MarketFeed } from '#main/market/feed/market-feed';
import type { MarketService } from '#main/market/market-service';
import type { Workspace } from '#main/store/db';
import { HeadlessEngine } from '#main/trading/headless-engine';
import { sessionFromScenario } from '#main/trading/session';
import { cascade2025, crashWorkspace } from '../trading/e2e/crash-fixtures';

/**
 * The map against the engine on a real crash window (10 October 2025, real 1m last and 5m mark):
 * a crowd with no stops and no entries after the start. The long quantity the map puts between
 * the mark at a moment and the later low of the mark is what the engine liquidates on the way,
 * except what tiered (partial) liquidation leaves standing.
 */
describe('heatmap on the 10 October 2025 cascade', () => {
  let dir: string;
  let ws: Workspace;
  let market: MarketService;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-heatmap-'));
    ({ ws, market } = await crashWorkspace(dir));
  }, 120_000);
  afterAll(() => {
    ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const crowd = {
    seed: 99,
    traders: 3000,
    longShare: 0.6,
    leverage: [
      { leverage: 10, weight: 2 },
      { leverage: 20, weight: 2 },
      { leverage: 50, weight: 1 },
      { leverage: 100, weight: 1 },
    ],
    notional: { median: 30000, logSigma: 1.5 },
    crossShare: 0.3,
    stops: { share: 0, minDistance: 0.01, maxDistance: 0.02 },
    entryWindowHours: 0,
  };

  it('long quantity between the mark at 20:30 and the later low = the engine liquidations on the way (within partial steps)', () => {
    const scenario = cascade2025({ crowd, account: { insuranceFund: '100000000' } });
    const headless = new HeadlessEngine(sessionFromScenario(scenario, null));
    const feed = new MarketFeed(compileScenario(scenario, market.data()));
    const t = Date.parse('2025-10-10T20:30:00Z');
    const ticks: MarketTick[] = [];
    let mapRows: ReturnType<typeof engineRows> | null = null;
    let markAtT = ZERO;
    for (let e = feed.next(); e; e = feed.next()) {
      if (e.kind !== 'tick') {
        headless.onFunding(e.funding);
        continue;
      }
      headless.onTick(e.tick);
      if (e.tick.t <= t) {
        mapRows = engineRows(headless.engine, 'BTCUSDT', true);
        markAtT = headless.engine.readState.markets.get('BTCUSDT')!.mark;
      } else ticks.push(e.tick);
    }
    // The later low of the mark, and when it came.
    let low = ticks[0]!;
    for (const k of ticks) if (new Dec(k.mark).lt(low.mark)) low = k;
    const lowMark = new Dec(low.mark);
    const inRange = mapRows!.filter((r) => r.kind === 0 && new Dec(r.priceText).gte(lowMark) && new Dec(r.priceText).lte(markAtT));
    const step = new Dec('0.001');
    const mapQty = inRange.reduce((a, r) => a.plus(step.mul(r.qtySteps)), ZERO);

    const liq = headless.result();
    expect(liq.liquidations.total).toBeGreaterThan(100);
    // Every long liquidation between t and the low, from the engine's own records (the run is replayed
    // to collect them: the headless summary keeps only the trader's waterfalls).
    const again = new HeadlessEngine(sessionFromScenario(scenario, null));
    const feed2 = new MarketFeed(compileScenario(scenario, market.data()));
    let liquidated = ZERO;
    const remaining = new Map<string, Dec>();
    for (let e = feed2.next(); e; e = feed2.next()) {
      if (e.kind !== 'tick') {
        again.onFunding(e.funding);
        continue;
      }
      const r = again.engine.apply({ kind: 'tick', tick: e.tick });
      if (!r.ok) throw new Error(r.rejection.message);
      if (e.tick.t <= t || e.tick.t > low.t) continue;
      for (const fx of r.effects) {
        if (fx.kind !== 'liquidation' || fx.liquidation.side !== 'long') continue;
        liquidated = liquidated.plus(fx.liquidation.quantity);
        remaining.set(fx.liquidation.account, new Dec(fx.liquidation.remainingQuantity));
      }
    }
    const leftStanding = [...remaining.values()].reduce((a, q) => a.plus(q), ZERO);
    expect(liquidated.gt(0)).toBe(true);
    // What the map promised is what was liquidated plus what partial liquidation left open.
    expect(liquidated.plus(leftStanding).toFixed()).toBe(mapQty.toFixed());
  }, 300_000);

  it('levdesk heatmap at a moment: engine source with a crowd, the estimate (longs and shorts) without one', () => {
    const at = Date.parse('2025-10-10T21:00:00Z');
    const scenario = cascade2025({ crowd: { ...crowd, traders: 500 } });
    const doc = headlessLevels({ scenario, session: sessionFromScenario(scenario, null), data: market.data(), at, bins: 25 });
    expect(doc.source).toBe('engine');
    expect(doc.at).toBe('2025-10-10T21:00:00.000Z');
    expect(doc.levels).toHaveLength(25);
    const plain = cascade2025({});
    const est = headlessLevels({ scenario: plain, session: sessionFromScenario(plain, null), data: market.data(), at, bins: 25 });
    expect(est.source).toBe('estimate');
    expect(est.own).toEqual([]);
    expect(est.levels.some((l) => new Dec(l.long.quantity).gt(0))).toBe(true);
    expect(est.levels.some((l) => new Dec(l.short.quantity).gt(0))).toBe(true);
  }, 120_000);
});
