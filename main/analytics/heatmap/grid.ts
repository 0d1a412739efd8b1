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
  const c = Math.floor(((t - w.t0) / (w.t1 - w.t0)) * w.cols);
  return c < 0 ? 0 : c >= w.cols ? w.cols - 1 : c;
}

/** The row of a price, or -1 outside the window. */
export function rowOf(w: GridWindow, p: number): number {
  const r = Math.floor(((p - w.p0) / (w.p1 - w.p0)) * w.rows);
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
  const diff = new Float64Array((cols + 1) * rows);
  const n = store.size;
  const { tFrom, tTo, price, qtySteps, kind } = store;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    if (k > 2 || ((mask >> k) & 1) === 0) continue;
    const from = tFrom[i]!;
    const end = Math.min(tTo[i]!, now);
    if (end < w.t0 || from > w.t1 || from > end) continue;
    const r = rowOf(w, price[i]!);
    if (r < 0) continue;
    const c0 = columnOf(w, Math.max(from, w.t0));
    const c1 = columnOf(w, Math.min(end, w.t1));
    diff[c0 * rows + r] += qtySteps[i]!;
    diff[(c1 + 1) * rows + r] -= qtySteps[i]!;
  }
  const out = new Float64Array(cols * rows);
  for (let r = 0; r < rows; r++) out[r] = diff[r]!;
  for (let c = 1; c < cols; c++) {
    const base = c * rows;
    const prev = base - rows;
    for (let r = 0; r < rows; r++) out[base + r] = out[prev + r]! + diff[base + r]!;
  }
  return out;
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
  ) {
    this.compactions = store.compactions;
    this.data = computeGrid(store, window, now, mask);
    this.open = new Float64Array(window.rows);
    for (let i = 0; i < store.size; i++) {
      const k = store.kind[i]!;
      if (k > 2 || ((mask >> k) & 1) === 0 || !(store.tFrom[i]! <= now && store.tTo[i]! > now)) continue;
      const r = rowOf(window, store.price[i]!);
      if (r >= 0) this.open[r] += store.qtySteps[i]!;
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
