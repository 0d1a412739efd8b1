import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Dec } from '#shared/money/decimal';
import type { MarketService } from '#main/market/market-service';
import type { Workspace } from '#main/store/db';
import { conservationResidual } from '#main/engine/state/ledger-check';
import { cascade2025, crashWorkspace, replayWithEngine } from './crash-fixtures';

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

const buy = (atMinute: number, quantity: string, extra: Record<string, unknown> = {}) => ({
  atMinute,
  command: { type: 'placeOrder' as const, order: { symbol: 'BTCUSDT', side: 'buy' as const, type: 'market' as const, quantity, ...extra } },
});

describe('end-to-end: the real October 10 2025 cascade', () => {
  it('liquidates a 50x long on the real mark, and its clearance fee goes to the insurance fund', () => {
    const scenario = cascade2025({
      account: { deposit: '10000', leverage: 50, insuranceFund: '1000000', bookDepthScale: 0.05 },
      crowd: { seed: 1, traders: 300, longShare: 0.6, leverage: [{ leverage: 5, weight: 1 }, { leverage: 20, weight: 1 }], notional: { median: 10000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.2, minDistance: 0.01, maxDistance: 0.05 }, entryWindowHours: 0.5 },
      script: [buy(5, '0.2')],
    });
    const { engine, recorder } = replayWithEngine(scenario, market);
    const r = engine.result();
    expect(r.script.applied).toBe(1);
    const [mine] = r.liquidations.trader;
    expect(mine, 'the trader was liquidated').toBeDefined();
    const l = mine!;
    // Triggered by the mark: at the trigger the mark was at or below the liquidation price and
    // margin balance had fallen to maintenance; the real 5m mark series drove it.
    expect(new Dec(l.markPrice).lte(new Dec(l.liquidationPrice!))).toBe(true);
    expect(new Dec(l.marginBalance).lte(new Dec(l.maintenanceMargin))).toBe(true);
    expect(new Dec(l.clearanceFee).gt(0)).toBe(true);
    expect(l.deficit).toBe('0');
    // The fee (and any surplus) landed in the fund, as recorded entries of this liquidation.
    expect(new Dec(l.insuranceAfter).minus(l.insuranceBefore).eq(new Dec(l.clearanceFee).plus(l.surplus))).toBe(true);
    // The trader lost the position's margin and nothing more (non-recourse), and the ledger is closed.
    expect(new Dec(r.account.walletBalance).gt(0)).toBe(true);
    expect(conservationResidual(engine.engine.readState).isZero()).toBe(true);
    // The liquidation happened at a real tick of the window, during the fall.
    expect(recorder.ticks.some((t) => t.t === l.t)).toBe(true);
    expect(new Date(l.t).toISOString() > '2025-10-10T20:30:00').toBe(true);
  });

  it('a cascade drains the fund and auto-deleverages the profitable short at the bankruptcy price', () => {
    const scenario = cascade2025({
      // A small fund, a thin share of the book, and a crowd of leveraged longs: liquidations fill
      // far below bankruptcy and the fund runs dry.
      account: { deposit: '20000', leverage: 10, insuranceFund: '2000', bookDepthScale: 0.0005 },
      crowd: { seed: 4, traders: 1500, longShare: 1, leverage: [{ leverage: 20, weight: 1 }, { leverage: 50, weight: 1 }, { leverage: 100, weight: 1 }], notional: { median: 20000, logSigma: 0.8 }, crossShare: 0.3, stops: { share: 0, minDistance: 0.01, maxDistance: 0.02 }, entryWindowHours: 0 },
      script: [{ atMinute: 2, command: { type: 'placeOrder', order: { symbol: 'BTCUSDT', side: 'sell', type: 'market', quantity: '0.5' } } }],
    });
    const { engine } = replayWithEngine(scenario, market);
    const r = engine.result();
    expect(r.liquidations.total).toBeGreaterThan(100);
    expect(r.liquidations.withDeficit).toBeGreaterThan(0);
    expect(new Dec(r.insuranceFund.min).lt('1')).toBe(true); // drained
    expect(new Dec(r.insuranceFund.end).gte(0)).toBe(true); // never below zero
    const adl = r.liquidations.trader.flatMap((l) => l.adl.filter((s) => s.account === 'me').map((s) => ({ l, s })));
    expect(adl.length, 'the trader short was deleveraged').toBeGreaterThan(0);
    const { l, s } = adl[0]!;
    expect(s.side).toBe('short');
    expect(new Dec(s.realizedPnl).gt(0)).toBe(true); // a profitable short, closed at a profit
    // At the liquidated long's bankruptcy price, rounded to the tick in its favour.
    expect(new Dec(s.price).minus(l.bankruptcyPrice).abs().lt('0.1')).toBe(true);
    expect(conservationResidual(engine.engine.readState).isZero()).toBe(true);
  });
});
