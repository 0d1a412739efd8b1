import { describe, expect, it } from 'vitest';
import { computeGrid, LiveGrid, type GridWindow } from '#main/analytics/heatmap/grid';
import { SegmentStore, type HeatRow, type SegmentKind } from '#main/analytics/heatmap/segments';
import { rowsAliveAt } from '#main/analytics/heatmap/segments-query';

const W: GridWindow = { t0: 0, t1: 1000, p0: 100, p1: 200, cols: 50, rows: 20 };

function row(kind: SegmentKind, price: number, qty: number): HeatRow {
  return { kind, price, priceText: String(price), qtySteps: qty, leverage: 10, cross: false, mine: false };
}

/** A seeded walk of keys opening, changing and closing (xorshift, no Math.random). */
function* script(seed: number, steps: number): Generator<{ t: number; key: string; rows: HeatRow[] }> {
  let s = seed;
  const rnd = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 1_000_000) / 1_000_000;
  };
  let t = 0;
  for (let i = 0; i < steps; i++) {
    if (rnd() < 0.6) t += Math.floor(rnd() * 40);
    const key = `k${Math.floor(rnd() * 30)}`;
    const n = Math.floor(rnd() * 3);
    const rows = Array.from({ length: n }, () => row(Math.floor(rnd() * 3) as SegmentKind, 90 + rnd() * 120, 1 + Math.floor(rnd() * 50)));
    yield { t, key, rows };
  }
}

describe('heatmap grid', () => {
  it('a segment counts in every column it stands in, in its price row, up to now', () => {
    const store = new SegmentStore();
    store.replace('a', [row(0, 150, 7)], 100);
    store.replace('a', [], 300);
    store.replace('b', [row(1, 199.9, 3)], 500);
    const g = computeGrid(store, W, 800);
    const at = (c: number, r: number) => g[c * W.rows + r]!;
    expect(at(5, 10)).toBe(7); // t 100..119
    expect(at(15, 10)).toBe(7); // closed at 300: its column still counts it
    expect(at(16, 10)).toBe(0);
    expect(at(25, 19)).toBe(3);
    expect(at(40, 19)).toBe(3); // t 800 is column 40
    expect(at(41, 19)).toBe(0); // after now
  });

  it('the grid kept tick by tick equals the full recompute exactly, for every layer mask', () => {
    for (const mask of [0b111, 0b001, 0b110]) {
      const store = new SegmentStore();
      const live = new LiveGrid(W, mask, store, 0);
      let now = 0;
      for (const step of script(12345 + mask, 800)) {
        store.replace(step.key, step.rows, step.t);
        now = step.t;
        live.advance(store, store.drainChanges(), now);
      }
      expect(Array.from(live.data)).toEqual(Array.from(computeGrid(store, W, now, mask)));
    }
  });

  it('replacing a key at the same moment leaves no history of the replaced rows', () => {
    const store = new SegmentStore();
    store.replace('a', [row(0, 150, 5)], 10);
    store.replace('a', [row(0, 160, 5)], 10);
    expect(rowsAliveAt(store, 10).map((r) => r.price)).toEqual([160]);
    expect(computeGrid(store, W, 10)[0 * W.rows + 10]).toBe(0);
  });

  it('memory is bounded: past capacity the oldest closed segments go, open ones stay', () => {
    const store = new SegmentStore(1000, 64);
    for (let i = 0; i < 5000; i++) store.replace(`k${i % 50}`, [row(0, 100 + (i % 90), 1 + (i % 7))], i);
    expect(store.size).toBeLessThanOrEqual(1000);
    expect(store.dropped).toBeGreaterThan(0);
    expect(rowsAliveAt(store, 4999)).toHaveLength(50);
  });

  it('rewinding drops what came after and reopens what spanned the cut', () => {
    const store = new SegmentStore();
    store.replace('a', [row(0, 150, 5)], 100);
    store.replace('b', [row(1, 170, 2)], 600);
    store.truncate(400);
    expect(rowsAliveAt(store, 399)).toHaveLength(1);
    expect(rowsAliveAt(store, 700)).toHaveLength(0);
  });
});
