import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { LiquidationIndex, positionKey, type RiskEntry } from '#main/engine/index/liquidation-index';

const entry = (account: string, symbol: string, side: 'long' | 'short', liq: string | null): RiskEntry => ({
  account,
  symbol,
  side,
  liquidation: liq === null ? null : new Dec(liq),
  bankruptcy: null,
  qtyF: 1,
  entryF: 100,
  bankruptcyF: null,
  liquidationF: liq === null ? null : Number(liq),
  epoch: 0,
});

describe('LiquidationIndex', () => {
  it('finds entries by position key, counts them over every symbol and forgets removed ones', () => {
    const idx = new LiquidationIndex();
    idx.set(entry('c:1', 'BTCUSDT', 'long', '90'), true);
    idx.set(entry('c:2', 'ETHUSDT', 'short', '3000'), true);
    idx.set(entry('a|b', 'BTCUSDT', 'short', '120'), true);
    expect(idx.size).toBe(3);
    expect(idx.byKey(positionKey('c:2', 'ETHUSDT'))?.account).toBe('c:2');
    // An account id holding the separator still resolves (the symbol never holds one).
    expect(idx.byKey(positionKey('a|b', 'BTCUSDT'))?.liquidationF).toBe(120);
    idx.remove('c:1', 'BTCUSDT');
    expect(idx.size).toBe(2);
    expect(idx.byKey(positionKey('c:1', 'BTCUSDT'))).toBeUndefined();
    expect(idx.heap('BTCUSDT', 'long').size).toBe(0);
  });

  it('moves a position that changed side to the other heap, and takes an unindexed one out of both', () => {
    const idx = new LiquidationIndex();
    idx.set(entry('c:1', 'BTCUSDT', 'long', '90'), true);
    idx.set(entry('c:1', 'BTCUSDT', 'short', '110'), true);
    expect(idx.heap('BTCUSDT', 'long').size).toBe(0);
    expect(idx.heap('BTCUSDT', 'short').peek()).toEqual({ id: 'c:1|BTCUSDT', key: 110 });
    idx.set(entry('c:1', 'BTCUSDT', 'short', '110'), false, true);
    expect(idx.heap('BTCUSDT', 'short').size).toBe(0);
    expect([...idx.forcedIn('BTCUSDT')]).toEqual(['c:1|BTCUSDT']);
    idx.set(entry('c:1', 'BTCUSDT', 'short', '111'), true);
    expect(idx.forcedIn('BTCUSDT').size).toBe(0);
  });

  it('exports each market in the order its entries were filed, and imports back to the same export', () => {
    const idx = new LiquidationIndex();
    idx.set(entry('c:2', 'BTCUSDT', 'long', '90'), true);
    idx.set(entry('c:9', 'ETHUSDT', 'long', '2900'), true);
    idx.set(entry('c:1', 'BTCUSDT', 'short', '110'), true);
    idx.set(entry('c:2', 'BTCUSDT', 'long', '91'), true);
    const data = idx.exportData();
    expect(data.entries.map((e) => `${e[0]} ${e[1]}`)).toEqual(['c:2 BTCUSDT', 'c:1 BTCUSDT', 'c:9 ETHUSDT']);
    const back = new LiquidationIndex();
    back.importData(data);
    expect(back.exportData()).toEqual(data);
    expect(back.get('c:2', 'BTCUSDT')?.liquidation?.toString()).toBe('91');
  });

  it('gives the same rows lazily (exportSource) as exportData builds', () => {
    const idx = new LiquidationIndex();
    idx.set(entry('c:2', 'BTCUSDT', 'long', '90'), true);
    idx.set(entry('c:9', 'ETHUSDT', 'short', '3100'), true);
    idx.set(entry('c:1', 'BTCUSDT', 'short', '110'), false, true);
    idx.fundingSettled('BTCUSDT', 'long', 100, 0.0001);
    const src = idx.exportSource();
    const read = { ...src, entries: [...src.entries], heaps: src.heaps.map((h) => ({ ...h, heap: { offset: h.heap.offset, items: [...h.heap.items] } })) };
    expect(read).toEqual(idx.exportData());
    expect(JSON.stringify(read)).toBe(JSON.stringify(idx.exportData()));
  });
});
