import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScenarioSchema } from '#shared/domain/scenario';
import { Dec, toWire } from '#shared/money/decimal';
import { getProfile, liquidationPrice } from '#shared/risk/index';
import type { MarketService } from '#main/market/market-service';
import type { Workspace } from '#main/store/db';
import { cascade2025, crashWorkspace, fixture, replayWithEngine } from './crash-fixtures';

let dir: string;
let ws: Workspace;
let market: MarketService;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-crash-'));
  ({ ws, market } = await crashWorkspace(dir));
}, 60_000);
afterAll(() => {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const CROWD = { seed: 3, traders: 300, longShare: 0.6, leverage: [{ leverage: 5, weight: 1 }, { leverage: 25, weight: 1 }], notional: { median: 10000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.3, minDistance: 0.01, maxDistance: 0.05 }, entryWindowHours: 0.3 };

describe('end-to-end: stops, funding and the mark on real crash data', () => {
  it('a stop gaps through a thin book: it fills far below its trigger', () => {
    const scenario = cascade2025({
      account: { deposit: '100000', leverage: 5, insuranceFund: '1000000', bookDepthScale: 0.005 },
      crowd: { ...CROWD, notional: { median: 2000, logSigma: 1 } },
      script: [
        {
          atMinute: 5,
          command: { type: 'placeOrder', order: { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '2', attached: { stopLoss: { triggerPrice: '108000', triggerSource: 'last' } } } },
        },
      ],
    });
    const { engine, recorder } = replayWithEngine(scenario, market);
    const r = engine.result();
    const stop = r.orders.find((o) => o.role === 'stopLoss')!;
    expect(stop.status).toBe('filled');
    const avg = new Dec(stop.averagePrice!);
    const slip = new Dec(108000).minus(avg).div(108000);
    // On a normal book a 2 BTC stop fills within a few ticks; here it lands more than 1% below.
    expect(slip.gt('0.01')).toBe(true);
    // Part of it is the gap: the first fill is already well below the trigger (the market, pushed
    // by the real fall and the crowd's own stops and liquidations, was through it when the stop
    // fired), in the window where the book was thin (the scenario's liquidity gap).
    const fired = r.fills.find((f) => f.orderId === stop.id)!;
    const tick = recorder.ticks.find((t) => t.t === fired.t)!;
    expect(new Dec(fired.price).lt(new Dec(108000).mul('0.995'))).toBe(true);
    expect(tick.liquidity.depthScale).toBe(0.1);
    // The rest is the thin book: the stop walked several price bands.
    expect(r.fills.filter((f) => f.orderId === stop.id).length).toBeGreaterThan(1);
  });

  it('funding is paid across three intervals of the FTX collapse, at the real rates, notional at mark x rate', () => {
    const scenario = ScenarioSchema.parse({
      name: 'FTX collapse, 8-9 November 2022',
      symbol: 'BTCUSDT',
      start: '2022-11-08T00:00:00Z',
      durationMinutes: 36 * 60,
      seed: 2022,
      tickSize: '0.1',
      market: { type: 'stored', venue: 'binance', interval: '1h' },
      funding: { source: 'history', venue: 'binance' },
      account: { deposit: '50000', leverage: 3, insuranceFund: '1000000' },
      crowd: CROWD,
      script: [{ atMinute: 10, command: { type: 'placeOrder', order: { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.5' } } }],
    });
    const { engine, recorder } = replayWithEngine(scenario, market);
    const r = engine.result();
    expect(r.funding.length).toBeGreaterThanOrEqual(3);
    const realRates = new Map(
      fs
        .readFileSync(fixture('BTCUSDT-fundingRate-2022-11.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .map(([t, , rate]) => [Math.round(Number(t) / 3_600_000), new Dec(rate!)] as const),
    );
    for (const p of r.funding) {
      expect(p.source).toBe('history');
      expect(new Dec(p.rate).eq(realRates.get(Math.round(p.t / 3_600_000))!)).toBe(true);
      expect(p.notional).toBe(toWire(new Dec(p.quantity).mul(p.markPrice)));
      // A long pays when the rate is positive: amount = -notional x rate, to 8 decimals.
      expect(new Dec(p.amount).eq(new Dec(p.notional).mul(p.rate).neg().toDecimalPlaces(8))).toBe(true);
      expect(recorder.funding.some((f) => f.t === p.t)).toBe(true);
    }
    const paid = r.funding.reduce((a, p) => a.minus(p.amount), new Dec(0));
    expect(r.positions[0]!.fundingPaid).toBe(toWire(paid));
  });

  it('the last trades through the liquidation price but the real mark holds: no liquidation', () => {
    const base = { account: { deposit: '50000', leverage: 10, insuranceFund: '1000000' }, crowd: CROWD };
    const entry = { atMinute: 30, command: { type: 'placeOrder' as const, order: { symbol: 'BTCUSDT', side: 'buy' as const, type: 'market' as const, quantity: '0.1' } } };
    // Pass 1: the path, and where the entry fills.
    const probe = replayWithEngine(cascade2025({ ...base, script: [entry] }), market);
    const after = probe.recorder.ticks.filter((t) => t.t >= Date.parse('2025-10-10T20:30:00Z'));
    const minLast = Dec.min(...after.map((t) => new Dec(t.last)));
    const minMark = Dec.min(...after.map((t) => new Dec(t.mark)));
    expect(minLast.lt(minMark)).toBe(true); // the real wick: last 101,516.5 vs mark 101,877.69
    const fill = probe.engine.result().fills[0]!;
    const target = minLast.plus(minMark).div(2);
    // Margin that puts the liquidation price between the wick's low and the mark's low (risk core, bisection).
    const lp = (margin: Dec) =>
      liquidationPrice({
        profile: getProfile('binance-usdm'),
        position: { symbol: 'BTCUSDT', side: 'long', quantity: new Dec('0.1'), entryPrice: new Dec(fill.price), markPrice: new Dec(fill.price), marginMode: 'isolated', leverage: new Dec(10), isolatedMargin: margin },
      })!;
    let lo = new Dec(0);
    let hi = new Dec(fill.price).mul('0.1');
    for (let i = 0; i < 60; i++) {
      const mid = lo.plus(hi).div(2);
      if (lp(mid).gt(target)) lo = mid;
      else hi = mid;
    }
    const im = new Dec(fill.price).mul('0.1').div(10).toDecimalPlaces(8, Dec.ROUND_UP);
    const add = hi.minus(im).toDecimalPlaces(2, Dec.ROUND_UP);
    // Pass 2: the same entry, then the margin.
    const run = replayWithEngine(
      cascade2025({ ...base, script: [entry, { atMinute: 30, command: { type: 'adjustMargin', symbol: 'BTCUSDT', amount: add.toFixed() as never } }] }),
      market,
    );
    const r = run.engine.result();
    expect(r.script.applied).toBe(2);
    const liq = new Dec(r.positions[0]!.liquidationPrice!);
    expect(liq.gt(minLast) && liq.lt(minMark)).toBe(true);
    expect(r.liquidations.trader).toHaveLength(0);
    expect(r.positions).toHaveLength(1);
    // The last went through it; the mark never did.
    expect(run.recorder.ticks.some((t) => new Dec(t.last).lt(liq))).toBe(true);
    expect(run.recorder.ticks.every((t) => new Dec(t.mark).gt(liq))).toBe(true);
  });
});
