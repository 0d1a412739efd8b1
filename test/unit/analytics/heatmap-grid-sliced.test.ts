import { describe, expect, it } from 'vitest';
import { computeGrid, type GridWindow } from '#main/analytics/heatmap/grid';
import { computeGridSliced } from '#main/analytics/heatmap/grid-sliced';
import { SegmentStore, type HeatRow, type SegmentKind } from '#main/analytics/heatmap/segments';

const W: GridWindow = { t0: 0, t1: 100_000, p0: 100, p1: 200, cols: 300, rows: 80 };

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 1_000_000) / 1_000_000;
  };
}

function row(rnd: () => number): HeatRow {
  const price = 90 + rnd() * 120;
  return { kind: Math.floor(rnd() * 3) as SegmentKind, price, priceText: String(price), qtySteps: 1 + Math.floor(rnd() * 50), leverage: 10, cross: false, mine: false };
}

/** Fills a store with keys opening, changing and closing up to time `until`. */
function record(store: SegmentStore, rnd: () => number, from: number, until: number, keys: number): number {
  let t = from;
  while (t < until) {
    t += Math.floor(rnd() * 3);
    store.replace(`k${Math.floor(rnd() * keys)}`, rnd() < 0.1 ? [] : [row(rnd)], t);
  }
  store.drainChanges();
  return t;
}

/** A scheduler that lets the test act between slices. */
function stepper(between: () => void) {
  let yields = 0;
  return {
    schedule: (fn: () => void) => {
      yields += 1;
      between();
      queueMicrotask(fn);
    },
    get yields() {
      return yields;
    },
  };
}

describe('heatmap grid in slices', () => {
  it('equals computeGrid while the recorder keeps recording between slices (appends, closes after now)', async () => {
    const rnd = rng(99);
    const store = new SegmentStore();
    let t = record(store, rnd, 0, 50_000, 20_000);
    const now = t;
    const expected = computeGrid(store, W, now);
    const openAtNow = new Float64Array(W.rows);
    for (let i = 0; i < store.size; i++) {
      if (!store.aliveAt(i, now)) continue;
      const r = Math.floor((store.price[i]! - W.p0) * (W.rows / (W.p1 - W.p0)));
      if (r >= 0 && r < W.rows) openAtNow[r] += store.qtySteps[i]!;
    }
    const s = stepper(() => {
      // Later activity: new segments and closes, all after `now`.
      for (let k = 0; k < 500; k++) {
        t += 1;
        store.replace(`k${Math.floor(rnd() * 20_000)}`, rnd() < 0.3 ? [] : [row(rnd)], t);
      }
    });
    const got = await computeGridSliced(store, W, now, 0b111, s.schedule, 0);
    expect(s.yields).toBeGreaterThan(3);
    expect(Array.from(got.data)).toEqual(Array.from(expected));
    // Its open histogram is what stood at `now`, not what stands after the later activity.
    expect(Array.from(got.open)).toEqual(Array.from(openAtNow));
    expect(openAtNow.some((v) => v > 0)).toBe(true);
  });

  it('starts again when a compaction renumbers the segments mid-pass, and still equals computeGrid', async () => {
    const rnd = rng(7);
    const store = new SegmentStore();
    const t = record(store, rnd, 0, 30_000, 5_000);
    let compacted = false;
    const s = stepper(() => {
      if (compacted) return;
      compacted = true;
      // A rewind to a moment after `now` changes nothing at or before it, but compacts.
      store.truncate(t + 1);
    });
    const got = await computeGridSliced(store, W, t, 0b101, s.schedule, 0);
    expect(compacted).toBe(true);
    expect(Array.from(got.data)).toEqual(Array.from(computeGrid(store, W, t, 0b101)));
  });
});
