import { describe, expect, it } from 'vitest';
import { Engine } from '#main/engine/engine';
import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import { indexTextSteps } from '#main/engine/state/snapshot-text';
import { drain } from '#main/engine/steps';
import { cutIndex } from '#main/trading/index-cut';
import { setupEvent, tick, T0 } from '../engine/helpers';

/** The stored index text of an engine with a crowd of `traders` (as snapshot-text.ts writes it). */
function indexOf(traders: number): { text: string; data: LiquidationIndexData } {
  const e = new Engine();
  e.apply(setupEvent({ deposit: '50000', leverage: 10 }));
  if (traders > 0) {
    e.apply({ kind: 'crowd', t: T0, symbol: 'BTCUSDT', params: { seed: 5, traders, longShare: 0.5, leverage: [{ leverage: 10, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.5, minDistance: 0.01, maxDistance: 0.05 }, entryWindowHours: 0 } });
  }
  e.apply({ kind: 'tick', tick: tick(T0 + 60_000, '100000') });
  const data = e.indexSnapshot();
  return { text: drain(indexTextSteps(data, 7)).join(''), data };
}

const rows = (pieces: Uint8Array[]): unknown[] => pieces.flatMap((p) => JSON.parse(Buffer.from(p).toString('utf8')) as unknown[]);

describe('a liquidation index cut into its entries and heap items without parsing', () => {
  it.each([
    [0, 5],
    [1, 5],
    [40, 1],
    [40, 7],
    [40, 1000],
  ])('%i traders in pieces of %i: the pieces are the rows, the head the rest', (traders, per) => {
    const { text, data } = indexOf(traders);
    const cut = cutIndex(Buffer.from(text), per)!;
    expect(cut).not.toBeNull();
    const parsed = JSON.parse(text) as LiquidationIndexData;
    expect(rows(cut.entries)).toEqual(parsed.entries);
    expect(cut.heapItems.map(rows)).toEqual(parsed.heaps.map((h) => h.heap.items));
    for (const p of cut.entries.slice(0, -1)) expect(JSON.parse(Buffer.from(p).toString('utf8'))).toHaveLength(per);
    for (const p of cut.entries) expect(p.byteLength).toBe(p.buffer.byteLength);
    expect(cut.head).toEqual({ ...parsed, entries: [], heaps: parsed.heaps.map((h) => ({ ...h, heap: { ...h.heap, items: [] } })) });
    expect(data.entries.length).toBe(parsed.entries.length);
    // The index as JSON.stringify writes it (a synchronous snapshot) is laid out the same.
    expect(cutIndex(Buffer.from(JSON.stringify(data)), per)?.head).toEqual(cut.head);
    if (traders > 0) expect(parsed.entries.length).toBeGreaterThan(traders / 2);
  });

  it('is not fooled by strings that hold brackets, commas, quotes or the items key', () => {
    const odd = ['a],[b', 'x"items":[y', 'p"],["q', 'q\\', 'r\\"]', 'é ∆ 🚀', '{"k":[1,2]}'];
    const data: LiquidationIndexData = {
      format: 1,
      entries: odd.map((id, i) => [id, 'BTCUSDT', 'long', '1.5', null, 0.1, 100 + i, null, 0] as const),
      heaps: [
        { symbol: 'BTC"items":[USDT', side: 'long', heap: { offset: 0, items: odd.map((id, i) => [id, i] as [string, number]) } },
        { symbol: 'ETHUSDT', side: 'short', heap: { offset: 2, items: [] } },
      ],
      epochs: [['BTCUSDT', 1]],
      forced: [['BTCUSDT', ['a],[b']]],
      multi: [],
    };
    const text = drain(indexTextSteps(data, 2)).join('');
    expect(JSON.parse(text)).toEqual(data);
    const cut = cutIndex(Buffer.from(text), 2)!;
    expect(rows(cut.entries)).toEqual(data.entries);
    expect(cut.heapItems.map(rows)).toEqual([data.heaps[0]!.heap.items, []]);
    expect(cut.head).toEqual({ ...data, entries: [], heaps: data.heaps.map((h) => ({ ...h, heap: { ...h.heap, items: [] } })) });
  });

  it('answers null for any other layout (the worker then parses it)', () => {
    const { text } = indexOf(10);
    const parsed = JSON.parse(text) as LiquidationIndexData;
    // Keys in another order, a damaged end, an unknown format, a heap with another shape.
    const { heaps, ...rest } = parsed;
    expect(cutIndex(Buffer.from(JSON.stringify({ heaps, ...rest })), 5)).toBeNull();
    expect(cutIndex(Buffer.from(text.slice(0, text.length / 2)), 5)).toBeNull();
    expect(cutIndex(Buffer.from(text.replace('"format":1', '"format":2')), 5)).toBeNull();
    expect(cutIndex(Buffer.from('{"format":1,"entries":[],"heaps":[{"symbol":"X","side":"long","heap":{"items":[],"offset":0}}],"epochs":[]}'), 5)).toBeNull();
    expect(cutIndex(Buffer.from(''), 5)).toBeNull();
    // A heap without its items key: the next heap's items must not be handed to it.
    const noItems = '{"format":1,"entries":[],"heaps":[{"symbol":"X","side":"long","heap":{"offset":0}},{"symbol":"X","side":"short","heap":{"offset":0,"items":[["a",1]]}}],"epochs":[],"forced":[],"multi":[]}';
    expect(() => JSON.parse(noItems) as unknown).not.toThrow();
    expect(cutIndex(Buffer.from(noItems), 5)).toBeNull();
  });
});
