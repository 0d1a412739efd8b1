import type { SegmentChange, SegmentStore } from './segments';

/** The grid's extent: time [t0, t1] in `cols` columns, price [p0, p1) in `rows` rows. */
export interface GridWindow {
  readonly t0: number;
  readonly t1: number;
  readonly p0: number;
  readonly p1: number;
  readonly cols: number;
  readonly rows: number;
}

/** Which kinds count: bit 0 longs, bit 1 shorts, bit 2 stops. */
export type LayerMask = number;
export const ALL_LAYERS: LayerMask = 0b111;

export function columnOf(w: GridWindow, t: number): number {
  // The same arithmetic as computeGrid's inner loop, so both put a moment in the same column.
  const c = Math.floor((t - w.t0) * (w.cols / (w.t1 - w.t0)));
  return c < 0 ? 0 : c >= w.cols ? w.cols - 1 : c;
}

/** The row of a price, or -1 outside the window. */
export function rowOf(w: GridWindow, p: number): number {
  const r = Math.floor((p - w.p0) * (w.rows / (w.p1 - w.p0)));
  return r < 0 || r >= w.rows ? -1 : r;
}

/**
 * The full grid (Float64Array, column-major: cell (c, r) at c × rows + r) of the quantity, in
 * contract steps (integers, so every sum is exact), standing in each cell at any moment of the
 * column, up to `now`. One pass over the segments into a difference array per row, then a prefix
 * sum along time: O(segments + cells).
 */
export function computeGrid(store: SegmentStore, w: GridWindow, now: number, mask: LayerMask = ALL_LAYERS): Float64Array {
  const { cols, rows } = w;
  // One buffer: the difference array, summed in place along time (one extra column for the ends).
  const acc = new Float64Array((cols + 1) * rows);
  const n = store.size;
  const { tFrom, tTo, price, qtySteps, kind } = store;
  const tScale = cols / (w.t1 - w.t0);
  const pScale = rows / (w.p1 - w.p0);
  const t0 = w.t0;
  const t1 = w.t1;
  const p0 = w.p0;
  const lastCol = cols - 1;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    if (k > 2 || ((mask >> k) & 1) === 0) continue;
    const from = tFrom[i]!;
    const to = tTo[i]!;
    const end = to < now ? to : now;
    if (end < t0 || from > t1 || from > end) continue;
    const r = Math.floor((price[i]! - p0) * pScale);
    if (r < 0 || r >= rows) continue;
    let c0 = Math.floor(((from > t0 ? from : t0) - t0) * tScale);
    let c1 = Math.floor(((end < t1 ? end : t1) - t0) * tScale);
    if (c0 > lastCol) c0 = lastCol;
    if (c1 > lastCol) c1 = lastCol;
    if (c0 < 0) c0 = 0;
    if (c1 < 0) c1 = 0;
    const q = qtySteps[i]!;
    acc[c0 * rows + r] += q;
    acc[(c1 + 1) * rows + r] -= q;
  }
  for (let base = rows, stop = cols * rows; base < stop; base += rows) {
    for (let r = 0; r < rows; r++) acc[base + r] += acc[base - rows + r]!;
  }
  return acc.subarray(0, cols * rows);
}

/**
 * The same grid kept up to date tick by tick: the histogram of what stands now (`open`) is copied
 * into each column the clock enters, and each change of a tick touches one cell. A tick costs
 * O(changes + rows × columns entered), and the result equals computeGrid exactly (tested).
 */
export class LiveGrid {
  readonly data: Float64Array;
  private readonly open: Float64Array;
  private filled = -1;
  now = Number.NEGATIVE_INFINITY;
  readonly compactions: number;

  constructor(
    readonly window: GridWindow,
    readonly mask: LayerMask,
    store: SegmentStore,
    now: number,
    /** The grid and open histogram at `now`, computed already (grid-sliced.ts), with their store's compaction count. */
    built?: { readonly data: Float64Array; readonly open: Float64Array; readonly compactions: number },
  ) {
    if (built) {
      this.compactions = built.compactions;
      this.data = built.data;
      this.open = built.open;
    } else {
      this.compactions = store.compactions;
      this.data = computeGrid(store, window, now, mask);
      this.open = new Float64Array(window.rows);
      for (let i = 0; i < store.size; i++) {
        const k = store.kind[i]!;
        if (k > 2 || ((mask >> k) & 1) === 0 || !(store.tFrom[i]! <= now && store.tTo[i]! > now)) continue;
        const r = rowOf(window, store.price[i]!);
        if (r >= 0) this.open[r] += store.qtySteps[i]!;
      }
    }
    this.now = now;
    if (now >= window.t0) this.filled = columnOf(window, Math.min(now, window.t1));
  }

  /** Applies a tick's changes (drained from the store, in time order) and moves the clock to `now`. */
  advance(store: SegmentStore, changes: readonly SegmentChange[], now: number): void {
    const w = this.window;
    for (const ch of changes) {
      if (((this.mask >> ch.kind) & 1) === 0) continue;
      const r = rowOf(w, store.price[ch.index]!);
      if (r < 0) continue;
      const q = store.qtySteps[ch.index]!;
      if (ch.t < w.t0) {
        this.open[r] += ch.op === 1 ? q : -q;
        continue;
      }
      if (ch.t > w.t1) {
        this.fill(w.cols - 1);
        this.open[r] += ch.op === 1 ? q : -q;
        continue;
      }
      const c = columnOf(w, ch.t);
      this.fill(c);
      if (ch.op === 1) {
        this.open[r] += q;
        this.data[c * w.rows + r] += q;
      } else if (ch.op === -1) {
        this.open[r] -= q;
      } else {
        this.open[r] -= q;
        this.data[c * w.rows + r] -= q;
      }
    }
    if (now >= w.t0) this.fill(columnOf(w, Math.min(now, w.t1)));
    this.now = now;
  }

  private fill(upTo: number): void {
    const rows = this.window.rows;
    for (let c = this.filled + 1; c <= upTo; c++) this.data.set(this.open, c * rows);
    if (upTo > this.filled) this.filled = upTo;
  }
}
