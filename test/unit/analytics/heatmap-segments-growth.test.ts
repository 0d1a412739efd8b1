import { describe, expect, it, vi } from 'vitest';
import { ColumnReserve, type Columns } from '#main/analytics/heatmap/segment-columns';
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
    // The texts column has the capacity too (appends within it never copy it).
    expect(store.priceText.length).toBe(300_000);
    for (const i of [0, 4095, 4096, RESERVE_AT - 1, RESERVE_AT, total - 1]) {
      expect(store.price[i]).toBe(1000 + i);
      expect(store.tFrom[i]).toBe(i);
      expect(store.priceText[i]).toBe(String(1000 + i));
    }
  });

  it('makes the next columns one per call once half full, and the growth takes them with every row', () => {
    const store = new SegmentStore(300_000, 4096);
    let i = 0;
    // One row past 32,768: the columns have just doubled to 65,536, and the store is half full.
    for (; i <= RESERVE_AT / 2; i++) store.replace(`k${i}`, [row(1000 + i)], i);
    expect(store.price.length).toBe(RESERVE_AT);
    let made = 0;
    while (store.prepareGrowth()) made += 1;
    // Eight numeric columns and the texts, at the capacity.
    expect(made).toBe(9);
    const take = vi.spyOn(ColumnReserve.prototype, 'take');
    for (; i < RESERVE_AT + 10; i++) store.replace(`k${i}`, [row(1000 + i)], i);
    // The growth took the columns made ahead: the store's columns are those very arrays.
    const taken = take.mock.results.map((r) => r.value as Columns | null).find((c) => c !== null)!;
    take.mockRestore();
    expect(store.price).toBe(taken[2]);
    expect(store.priceText).toBe(taken[8]);
    expect(store.price.length).toBe(300_000);
    expect(store.priceText.length).toBe(300_000);
    for (const j of [0, RESERVE_AT - 1, RESERVE_AT, i - 1]) {
      expect(store.price[j]).toBe(1000 + j);
      expect(store.tFrom[j]).toBe(j);
      expect(store.priceText[j]).toBe(String(1000 + j));
    }
    // Far from full again, and at the capacity the next growth compacts: nothing to make.
    expect(store.prepareGrowth()).toBe(false);
  });

  it('a load takes the columns made ahead when they fit', () => {
    const source = new SegmentStore(300_000, 4096);
    for (let i = 0; i < RESERVE_AT + 5; i++) source.replace(`k${i}`, [row(2000 + i)], i);
    const target = new SegmentStore(300_000, 4096);
    for (let i = 0; i <= RESERVE_AT / 2; i++) target.replace(`t${i}`, [row(i)], i);
    while (target.prepareGrowth());
    const take = vi.spyOn(ColumnReserve.prototype, 'take');
    target.load(source.parts());
    const taken = take.mock.results[0]!.value as Columns | null;
    take.mockRestore();
    expect(target.price).toBe(taken![2]);
    expect(target.price[RESERVE_AT + 4]).toBe(2000 + RESERVE_AT + 4);
  });

  it('a loaded history bigger than the threshold is loaded into arrays of the capacity', () => {
    const source = new SegmentStore(300_000, 4096);
    for (let i = 0; i < RESERVE_AT + 5; i++) source.replace(`k${i}`, [row(2000 + i)], i);
    const target = new SegmentStore(300_000, 4096);
    target.load(source.parts());
    expect(target.tTo.length).toBe(300_000);
    expect(target.priceText.length).toBe(300_000);
    target.replace('new', [row(1)], 1e9);
    expect(target.size).toBe(RESERVE_AT + 6);
    expect(target.price[RESERVE_AT + 4]).toBe(2000 + RESERVE_AT + 4);
    expect(target.price[RESERVE_AT + 5]).toBe(1);
  });

  it("a replace that meets the capacity keeps the key's segments right through the compaction", () => {
    const store = new SegmentStore(8, 8);
    // Five closed segments early on, one still open: the compaction's candidates.
    for (let k = 0; k < 6; k++) store.replace('old', [row(100 + k)], k + 1);
    store.replace('x', [row(1), row(2)], 10);
    expect(store.size).toBe(8);
    // Keeps the level at 1, closes the one at 2, opens one at 3: the store is full, so it compacts.
    store.replace('x', [row(1), row(3)], 11);
    const open = new Map(store.parts().open);
    expect(open.get('x')!.map((i) => store.price[i]).sort((a, b) => a - b)).toEqual([1, 3]);
    expect(open.get('old')!.map((i) => store.price[i])).toEqual([105]);
    // The next change closes the right segment: the level at 1 ends at 12, no other one does.
    store.replace('x', [row(3)], 12);
    const p = store.parts();
    const alive = [...Array(p.n).keys()].filter((i) => store.isLive(i) && store.aliveAt(i, 12)).map((i) => store.price[i]);
    expect(alive.sort((a, b) => a - b)).toEqual([3, 105]);
  });

  it('a position re-read with a new level closes its segment and opens the next, in place', () => {
    const store = new SegmentStore(1000, 16);
    store.replace('a', [row(10)], 1);
    store.replace('a', [row(10)], 2);
    expect(store.size).toBe(1);
    store.replace('a', [row(11)], 3);
    expect(store.size).toBe(2);
    expect([store.tFrom[0], store.tTo[0], store.tFrom[1], store.tTo[1]]).toEqual([1, 3, 3, Number.POSITIVE_INFINITY]);
    expect(new Map(store.parts().open).get('a')).toEqual([1]);
    store.replace('a', [], 4);
    expect(store.tTo[1]).toBe(4);
    expect(store.openKeys).toBe(0);
  });

  it('a compaction drops at least half of the closed segments: every one that ended by the cut, none after it', () => {
    const store = new SegmentStore(1000, 1000);
    // Keys re-read at uneven times, so the end times cluster (as after funding settlements).
    let t = 0;
    while (store.size < 1000) {
      t += store.size % 7 === 0 ? 50 : 1;
      store.replace(`k${store.size % 120}`, [row(t)], t);
    }
    const p = store.parts();
    const ends = [...Array(p.n).keys()].filter((i) => store.isLive(i) && Number.isFinite(p.tTo[i]!)).map((i) => p.tTo[i]!);
    const open = p.n - ends.length;
    store.replace('new', [row(1)], t + 1);
    const cut = store.horizon;
    expect(store.compactions).toBe(1);
    // The texts column keeps its size through the compaction; the kept rows keep their texts.
    expect(store.priceText.length).toBe(1000);
    for (let i = 0; i < store.size; i++) expect(store.priceText[i]).toBe(String(store.price[i]));
    const dropped = ends.filter((e) => e <= cut).length;
    expect(dropped * 2).toBeGreaterThanOrEqual(ends.length);
    expect(store.dropped).toBe(dropped);
    expect(store.size).toBe(p.n - dropped + 1);
    const q = store.parts();
    const kept = [...Array(q.n).keys()].filter((i) => Number.isFinite(q.tTo[i]!)).map((i) => q.tTo[i]!);
    expect(kept.every((e) => e > cut)).toBe(true);
    expect(kept.sort((a, b) => a - b)).toEqual(ends.filter((e) => e > cut).sort((a, b) => a - b));
    expect(q.n - kept.length).toBe(open + 1);
  });
});

