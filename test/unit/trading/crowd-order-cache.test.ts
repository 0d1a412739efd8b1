import { describe, expect, it, vi } from 'vitest';
import type { CrowdSort } from '#shared/domain/trading-queries';
import type { Engine } from '#main/engine/engine';
import { crowdOrder, crowdOrderSteps, crowdTotals } from '#main/engine/queries/crowd-page';
import { IdRanks } from '#main/engine/queries/id-ranks';
import type { Db } from '#main/store/db-types';
import { TradingQueries } from '#main/trading/trading-queries';
import { mustApply, order, startedEngine, tick, T0 } from '../engine/helpers';

/**
 * The Market tab's order of 100,000 positions costs a few hundred ms to build: a tick must not
 * rebuild the orders that do not move with the mark, and every order it serves must be the one
 * built afresh from the engine as it is.
 */
function crowdEngine(seed = 3): Engine {
  const e = startedEngine('100000', { deposit: '100000', leverage: 10 });
  mustApply(e, { kind: 'crowd', t: T0, symbol: 'BTCUSDT', params: { seed, traders: 300, longShare: 0.5, leverage: [{ leverage: 10, weight: 1 }, { leverage: 100, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.5, minDistance: 0.01, maxDistance: 0.05 }, entryWindowHours: 0 } });
  mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '100000') });
  return e;
}

const SORTS: CrowdSort[] = ['account', 'notional', 'leverage', 'entryPrice', 'liquidationPrice', 'distanceToLiquidation', 'unrealizedPnl', 'adlScore'];

describe('the Market tab order cache', () => {
  it('serves, for every sort, the order built afresh from the engine as it is, across quiet ticks, trades and a funding', () => {
    const e = crowdEngine();
    // The crowd page needs no history rows: no workspace behind it.
    const queries = new TradingQueries({} as Db, () => e);
    const fresh = (sort: CrowdSort, desc: boolean): string[] => crowdOrder({ state: e.readState, idx: e.indexes }, 'BTCUSDT', sort, desc, undefined, new IdRanks());
    const served = (sort: CrowdSort, desc: boolean): string[] => queries.crowd({ sort, desc, offset: 0, limit: 400 }).rows.map((r) => r.account);
    const check = (): void => {
      for (const sort of SORTS) for (const desc of [false, true]) expect(served(sort, desc)).toEqual(fresh(sort, desc));
    };
    check();
    mustApply(e, { kind: 'tick', tick: tick(T0 + 2000, '100400') });
    check();
    // Your own position joins the market: every order changes.
    order(e, { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '2' as never });
    check();
    mustApply(e, { kind: 'funding', funding: { t: T0 + 3000, symbol: 'BTCUSDT', rate: '0.002' as never, intervalHours: 8, source: 'model' } });
    check();
    // A fall that liquidates the 100x longs.
    mustApply(e, { kind: 'tick', tick: tick(T0 + 4000, '98500') });
    check();
  });

  it('keeps an order that does not move with the mark across a quiet tick, and rebuilds one that does', () => {
    const e = crowdEngine();
    const queries = new TradingQueries({} as Db, () => e);
    const version = e.indexes.liq.version;
    const byPrice = queries.crowd({ sort: 'liquidationPrice', desc: false, offset: 0, limit: 5 });
    mustApply(e, { kind: 'tick', tick: tick(T0 + 2000, '100050') });
    expect(e.indexes.liq.version).toBe(version);
    expect(queries.crowd({ sort: 'liquidationPrice', desc: false, offset: 0, limit: 5 }).rows.map((r) => r.account)).toEqual(byPrice.rows.map((r) => r.account));
    order(e, { symbol: 'BTCUSDT', side: 'sell', type: 'market', quantity: '1' as never });
    expect(e.indexes.liq.version).toBeGreaterThan(version);
  });

  it('starts its caches afresh for another engine whose counters match (a restore)', () => {
    const a = crowdEngine(3);
    const b = crowdEngine(4);
    expect(b.indexes.liq.version).toBe(a.indexes.liq.version);
    let current = a;
    const queries = new TradingQueries({} as Db, () => current);
    const page = (): string[] => queries.crowd({ sort: 'distanceToLiquidation', desc: false, offset: 0, limit: 300 }).rows.map((r) => r.account);
    const first = page();
    current = b;
    const fresh = crowdOrder({ state: b.readState, idx: b.indexes }, 'BTCUSDT', 'distanceToLiquidation', false, undefined, new IdRanks());
    expect(page()).toEqual(fresh);
    expect(page()).not.toEqual(first);
  });

  it("keeps the real engine's caches while a stand-in engine is shown (a stepped event), and builds nothing again after it", () => {
    const real = crowdEngine(3);
    const standIn = crowdEngine(4);
    let current = real;
    const queries = new TradingQueries({} as Db, () => current);
    const page = (): string[] => queries.crowd({ sort: 'liquidationPrice', desc: false, offset: 0, limit: 300 }).rows.map((r) => r.account);
    const first = page();
    const standInOrder = crowdOrder({ state: standIn.readState, idx: standIn.indexes }, 'BTCUSDT', 'liquidationPrice', false, undefined, new IdRanks());
    const ranks = vi.spyOn(IdRanks.prototype, 'ranksOf');
    current = standIn;
    expect(page()).toEqual(standInOrder);
    expect(ranks).toHaveBeenCalledTimes(1);
    current = real;
    expect(page()).toEqual(first);
    // Nothing was numbered again for the real engine.
    expect(ranks).toHaveBeenCalledTimes(1);
    ranks.mockRestore();
  });

  it('serves the header sums taken afresh, before and after recording them in the background', async () => {
    const e = crowdEngine();
    const queries = new TradingQueries({} as Db, () => e);
    const served = (): unknown => {
      const { longs, shorts, longQuantity, shortQuantity } = queries.crowd({ sort: 'notional', desc: false, offset: 0, limit: 5 });
      return { longs, shorts, longQuantity, shortQuantity };
    };
    const fresh = (): unknown => crowdTotals({ state: e.readState, idx: e.indexes }, 'BTCUSDT');
    expect(served()).toEqual(fresh());
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    order(e, { symbol: 'BTCUSDT', side: 'sell', type: 'market', quantity: '3' as never });
    expect(served()).toEqual(fresh());
    mustApply(e, { kind: 'tick', tick: tick(T0 + 4000, '98000') });
    expect(served()).toEqual(fresh());
  });

  it('prepares the first page in slices while the event loop turns, and then serves the same page', async () => {
    const e = crowdEngine();
    const queries = new TradingQueries({} as Db, () => e);
    let turns = 0;
    let counting = true;
    const turn = (): void => {
      if (!counting) return;
      turns += 1;
      setImmediate(turn);
    };
    setImmediate(turn);
    await queries.prepareCrowd();
    const soon = queries.crowd({ sort: 'liquidationPrice', desc: false, offset: 0, limit: 400 });
    counting = false;
    expect(turns).toBeGreaterThan(0);
    expect(soon).toEqual(new TradingQueries({} as Db, () => e).crowd({ sort: 'liquidationPrice', desc: false, offset: 0, limit: 400 }));
    order(e, { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '1' as never });
    const fresh = new TradingQueries({} as Db, () => e).crowd({ sort: 'notional', desc: true, offset: 0, limit: 400 });
    await queries.prepareCrowd();
    expect(queries.crowd({ sort: 'notional', desc: true, offset: 0, limit: 400 })).toEqual(fresh);
  });

  it('orders in slices exactly as at once, for every sort, direction and side', () => {
    const e = crowdEngine(5);
    order(e, { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '2' as never });
    const v = { state: e.readState, idx: e.indexes };
    for (const sort of SORTS)
      for (const desc of [false, true])
        for (const side of [undefined, 'long', 'short'] as const) {
          const steps = crowdOrderSteps(v, 'BTCUSDT', sort, desc, side, new IdRanks(), 7);
          let r = steps.next();
          let pauses = 0;
          for (; !r.done; r = steps.next()) pauses += 1;
          expect(pauses).toBeGreaterThan(10);
          expect(r.value).toEqual(crowdOrder(v, 'BTCUSDT', sort, desc, side, new IdRanks()));
        }
  });

  it("prepares a page's order in slices beforehand, and gives it up when the positions change meanwhile", async () => {
    const e = crowdEngine();
    const input = { sort: 'liquidationPrice' as const, desc: true, offset: 0, limit: 50 };
    const queries = new TradingQueries({} as Db, () => e, 100);
    const exact = (desc: boolean): string[] => crowdOrder({ state: e.readState, idx: e.indexes }, 'BTCUSDT', 'liquidationPrice', desc, undefined, new IdRanks()).slice(0, 50);
    await queries.prepareCrowdPage(input);
    expect(queries.crowd(input).rows.map((r) => r.account)).toEqual(exact(true));
    // A trade before the prepared order is stored (the slices ran at once; the trade came before
    // the answer): it is dropped, and the page is still exact.
    const other = { ...input, desc: false };
    const pending = queries.prepareCrowdPage(other);
    order(e, { symbol: 'BTCUSDT', side: 'sell', type: 'market', quantity: '5' as never });
    await pending;
    expect(queries.crowd(other).rows.map((r) => r.account)).toEqual(exact(false));
  });
});
