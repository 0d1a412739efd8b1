import { describe, expect, it } from 'vitest';
import { RESERVE_AT, SegmentStore, type HeatRow } from '#main/analytics/heatmap/segments';

const row = (price: number): HeatRow => ({ kind: 0, price, priceText: String(price), qtySteps: 1, leverage: 10, cross: false, mine: false });

describe('segment store growth', () => {
  it('doubles while small, then reserves its capacity at once, keeping every row', () => {
    const store = new SegmentStore(300_000, 4096);
    const lengths = new Set<number>();
    const total = RESERVE_AT + 10_000;
    for (let i = 0; i < total; i++) {
      store.replace(`k${i}`, [row(1000 + i)], i);
      lengths.add(store.price.length);
    }
    // 4096 → … → 65,536 by doubling, then the 300,000 of the capacity: no copy of 65,536+ rows.
    expect([...lengths]).toEqual([4096, 8192, 16_384, 32_768, 65_536, 300_000]);
    expect(store.size).toBe(total);
    for (const i of [0, 4095, 4096, RESERVE_AT - 1, RESERVE_AT, total - 1]) {
      expect(store.price[i]).toBe(1000 + i);
      expect(store.tFrom[i]).toBe(i);
      expect(store.priceText[i]).toBe(String(1000 + i));
    }
  });

  it('a loaded history bigger than the threshold is loaded into arrays of the capacity', () => {
    const source = new SegmentStore(300_000, 4096);
    for (let i = 0; i < RESERVE_AT + 5; i++) source.replace(`k${i}`, [row(2000 + i)], i);
    const target = new SegmentStore(300_000, 4096);
    target.load(source.parts());
    expect(target.tTo.length).toBe(300_000);
    target.replace('new', [row(1)], 1e9);
    expect(target.size).toBe(RESERVE_AT + 6);
    expect(target.price[RESERVE_AT + 4]).toBe(2000 + RESERVE_AT + 4);
    expect(target.price[RESERVE_AT + 5]).toBe(1);
  });
});
