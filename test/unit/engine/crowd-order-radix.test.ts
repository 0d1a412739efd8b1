import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Side } from '#shared/domain/exchange';
import type { CrowdSort } from '#shared/domain/trading-queries';
import { adlScoreApprox } from '#shared/risk/adl-ranking';
import type { Engine } from '#main/engine/engine';
import { entryPrice, type Position } from '#main/engine/model/account';
import { LIQUIDITY_ID, type AccountId } from '#main/engine/model/ids';
import type { EngineView } from '#main/engine/queries/account-view';
import { crowdOrder, prepareCrowdOrderSteps } from '#main/engine/queries/crowd-page';
import { IdRanks } from '#main/engine/queries/id-ranks';
import { radixOrder, radixOrderSteps } from '#main/engine/index/radix-order';
import { mustApply, startedEngine, tick, T0 } from './helpers';

/**
 * The Market tab's order moved from a comparator sort to a stable radix sort over binary64 keys
 * with ties broken by account id ranks. The comparator version is kept here as the oracle.
 */
function comparatorOrder(keys: readonly number[] | readonly string[], ids: readonly string[], desc: boolean): number[] {
  const dir = desc ? -1 : 1;
  return ids
    .map((_, i) => i)
    .sort((a, b) => {
      if (keys[a] !== keys[b]) return (keys[a]! < keys[b]! ? -1 : 1) * dir;
      return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0;
    });
}

function oracleCrowdOrder(v: EngineView, symbol: string, sort: CrowdSort, desc: boolean, side?: Side): AccountId[] {
  const markF = v.state.markets.get(symbol)!.markF;
  const ids: AccountId[] = [];
  const keys: Array<number | string> = [];
  for (const [id, p] of v.idx.positionsIn(symbol)) {
    if (id === LIQUIDITY_ID || (side && p.side !== side)) continue;
    ids.push(id);
    keys.push(oracleKey(v, id, p, sort, markF));
  }
  return comparatorOrder(keys as number[], ids, desc).map((i) => ids[i]!);
}

function oracleKey(v: EngineView, id: AccountId, p: Position, sort: CrowdSort, markF: number): number | string {
  const e = v.idx.liq.get(id, p.symbol);
  const lp = e ? e.liquidationF : null;
  switch (sort) {
    case 'account': return id;
    case 'notional': return p.qty.toNumber();
    case 'leverage': return p.leverage;
    case 'entryPrice': return entryPrice(p).toNumber();
    case 'liquidationPrice': return lp ?? Number.POSITIVE_INFINITY;
    case 'distanceToLiquidation': return lp !== null ? Math.abs(markF - lp) / markF : Number.POSITIVE_INFINITY;
    case 'unrealizedPnl': return (p.side === 'long' ? 1 : -1) * p.qty.toNumber() * (markF - entryPrice(p).toNumber());
    case 'adlScore': return (e ? adlScoreApprox(p.side, e.qtyF, e.entryF, markF, e.bankruptcyF) : null) ?? Number.NEGATIVE_INFINITY;
  }
}

const SORTS: CrowdSort[] = ['account', 'notional', 'leverage', 'entryPrice', 'liquidationPrice', 'distanceToLiquidation', 'unrealizedPnl', 'adlScore'];

describe('radixOrder', () => {
  const key = fc.oneof(
    fc.double({ noNaN: true }),
    fc.constantFrom(0, -0, 1, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 5e-324, -5e-324, 99_999.5, 100_000),
  );

  it('orders like the comparator sort, ties by id, in both directions', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 200 }), fc.array(key, { maxLength: 200 }), fc.boolean(), (idsIn, keysIn, desc) => {
        const n = Math.min(idsIn.length, keysIn.length);
        const ids = idsIn.slice(0, n);
        const keys = keysIn.slice(0, n);
        const byId = radixOrder(new IdRanks().ranksOf(ids));
        const k = Float64Array.from(keys, (x) => (desc ? -x : x));
        expect(Array.from(radixOrder(k, byId))).toEqual(comparatorOrder(keys, ids, desc));
      }),
      { numRuns: 300 },
    );
  });

  it('numbers ids in string order when new ones arrive later, in any order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 120 }), fc.integer({ min: 0, max: 120 }), (ids, cut) => {
        const ranks = new IdRanks();
        ranks.ranksOf(ids.slice(0, cut));
        const r = ranks.ranksOf(ids);
        const byRank = ids.map((_, i) => i).sort((a, b) => r[a]! - r[b]!);
        expect(byRank.map((i) => ids[i])).toEqual([...ids].sort());
      }),
    );
  });

  it('in steps, pauses between its passes and gives the same order', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 2, maxLength: 300 }), (keys) => {
        const k = Float64Array.from(keys);
        const steps = radixOrderSteps(k);
        let pauses = 0;
        let r = steps.next();
        for (; !r.done; r = steps.next()) pauses += 1;
        expect(Array.from(r.value)).toEqual(Array.from(radixOrder(k)));
        expect(pauses).toBeLessThanOrEqual(4);
        if (new Set(keys.map((x) => (x === 0 ? 0 : x))).size > 1) expect(pauses).toBeGreaterThan(0);
      }),
    );
  });

  it('refuses a base of another length', () => {
    expect(() => radixOrder(new Float64Array(3), new Uint32Array(2))).toThrow(/base holds 2 rows for 3 keys/);
  });
});

describe('crowdOrder against the comparator oracle', () => {
  function session(): Engine {
    const e = startedEngine('100000', { deposit: '100000', leverage: 10 });
    const params = { seed: 11, traders: 600, longShare: 0.55, leverage: [{ leverage: 2, weight: 1 }, { leverage: 20, weight: 2 }, { leverage: 100, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.4, minDistance: 0.01, maxDistance: 0.05 }, entryWindowHours: 1 };
    mustApply(e, { kind: 'crowd', t: T0, symbol: 'BTCUSDT', params });
    return e;
  }

  it('gives the same order for every sort, direction and side while a crowd arrives, a funding settles and a fall liquidates', () => {
    const e = session();
    const ranks = new IdRanks();
    const v = (): EngineView => ({ state: e.readState, idx: e.indexes });
    const check = (): void => {
      for (const sort of SORTS)
        for (const desc of [false, true])
          for (const side of [undefined, 'long', 'short'] as const) expect(crowdOrder(v(), 'BTCUSDT', sort, desc, side, ranks)).toEqual(oracleCrowdOrder(v(), 'BTCUSDT', sort, desc, side));
    };
    // The crowd arrives over an hour: the ranks learn new ids between checks.
    const prices = ['100000', '100300', '99800', '100100', '98900', '97500', '96000', '101000'];
    prices.forEach((p, i) => {
      mustApply(e, { kind: 'tick', tick: tick(T0 + (i + 1) * 600_000, p) });
      if (i === 3) mustApply(e, { kind: 'funding', funding: { t: T0 + (i + 1) * 600_000, symbol: 'BTCUSDT', rate: '0.003' as never, intervalHours: 8, source: 'model' } });
      check();
    });
    expect(e.indexes.positionsIn('BTCUSDT').size).toBeGreaterThan(300);
  });

  it('an id order prepared in steps is the one the first page uses, and gives the same order', () => {
    const e = session();
    mustApply(e, { kind: 'tick', tick: tick(T0 + 3_600_000, '100000') });
    const v: EngineView = { state: e.readState, idx: e.indexes };
    const ranks = new IdRanks();
    const numbering = ranks.numberSteps(e.indexes.positionsIn('BTCUSDT').keys(), 50);
    while (!numbering.next().done);
    const steps = prepareCrowdOrderSteps(v, 'BTCUSDT', 'notional', ranks, 50);
    let pauses = 0;
    while (!steps.next().done) pauses += 1;
    expect(pauses).toBeGreaterThan(10);
    const lookups = vi.spyOn(ranks, 'ranksOf');
    for (const sort of SORTS.filter((x) => x !== 'leverage')) {
      for (const desc of [false, true]) expect(crowdOrder(v, 'BTCUSDT', sort, desc, undefined, ranks)).toEqual(oracleCrowdOrder(v, 'BTCUSDT', sort, desc, undefined));
    }
    // Every sort but leverage walks the same rows: none looked an id up again.
    expect(lookups).not.toHaveBeenCalled();
    expect(crowdOrder(v, 'BTCUSDT', 'leverage', false, undefined, ranks)).toEqual(oracleCrowdOrder(v, 'BTCUSDT', 'leverage', false, undefined));
    expect(lookups).toHaveBeenCalledTimes(1);
  });
});
