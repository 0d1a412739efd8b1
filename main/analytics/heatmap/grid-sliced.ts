import type { GridWindow, LayerMask } from './grid';
import type { SegmentStore } from './segments';
import { nextTurn } from '../../app/turns';

export type Schedule = (fn: () => void) => void;

/** One slice of grid work holds main's thread at most this long before yielding. */
const GRID_SLICE_MS = 8;
const CHECK_EVERY = 4096;

export interface SlicedGrid {
  /** computeGrid's result (Float64Array in contract steps, column-major). */
  readonly data: Float64Array;
  /** The histogram by row of what stands at `now` (LiveGrid's starting point). */
  readonly open: Float64Array;
  /** The store's compaction count the grid was built against. */
  readonly compactions: number;
}

const defaultSchedule: Schedule = nextTurn;

/**
 * computeGrid (grid.ts) in slices of at most GRID_SLICE_MS, yielding to the event loop between
 * them: a store near its 2,000,000-segment capacity takes a few hundred ms in one piece, which
 * main must not block for. Equal to computeGrid at `now` because what the recorder does
 * meanwhile cannot change it: it only appends segments (indexes past the ones taken at the
 * start, skipped) and closes segments at its clock, never before `now` (a close after `now` leaves
 * the picture up to `now` unchanged). A compaction (capacity reached, a rewind) renumbers the
 * segments: the pass starts again. Same arithmetic as computeGrid, cell for cell.
 */
export async function computeGridSliced(store: SegmentStore, w: GridWindow, now: number, mask: LayerMask, schedule: Schedule = defaultSchedule, sliceMs = GRID_SLICE_MS): Promise<SlicedGrid> {
  const pause = () => new Promise<void>((resolve) => schedule(resolve));
  for (;;) {
    const compactions = store.compactions;
    const n0 = store.size;
    const { cols, rows } = w;
    const acc = new Float64Array((cols + 1) * rows);
    const open = new Float64Array(rows);
    const tScale = cols / (w.t1 - w.t0);
    const pScale = rows / (w.p1 - w.p0);
    const lastCol = cols - 1;
    let deadline = performance.now() + sliceMs;
    let restarted = false;
    for (let i = 0; i < n0; i++) {
      if (i % CHECK_EVERY === 0 && i > 0 && performance.now() > deadline) {
        await pause();
        if (store.compactions !== compactions) {
          restarted = true;
          break;
        }
        deadline = performance.now() + sliceMs;
      }
      // Read the arrays anew each time: the store may have grown them (replaced) while we yielded.
      const k = store.kind[i]!;
      if (k > 2 || ((mask >> k) & 1) === 0) continue;
      const from = store.tFrom[i]!;
      const to = store.tTo[i]!;
      const end = to < now ? to : now;
      const r = Math.floor((store.price[i]! - w.p0) * pScale);
      if (r < 0 || r >= rows) continue;
      if (from <= now && to > now) open[r] += store.qtySteps[i]!;
      if (end < w.t0 || from > w.t1 || from > end) continue;
      let c0 = Math.floor(((from > w.t0 ? from : w.t0) - w.t0) * tScale);
      let c1 = Math.floor(((end < w.t1 ? end : w.t1) - w.t0) * tScale);
      if (c0 > lastCol) c0 = lastCol;
      if (c1 > lastCol) c1 = lastCol;
      if (c0 < 0) c0 = 0;
      if (c1 < 0) c1 = 0;
      const q = store.qtySteps[i]!;
      acc[c0 * rows + r] += q;
      acc[(c1 + 1) * rows + r] -= q;
    }
    if (restarted) continue;
    for (let c = 1; c < cols; c++) {
      if (c % 256 === 0 && performance.now() > deadline) {
        await pause();
        deadline = performance.now() + sliceMs;
      }
      const base = c * rows;
      for (let r = 0; r < rows; r++) acc[base + r] += acc[base - rows + r]!;
    }
    if (store.compactions !== compactions) continue;
    return { data: acc.subarray(0, cols * rows), open, compactions };
  }
}
