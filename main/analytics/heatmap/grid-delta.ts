/**
 * The grids main sent lately, so that the next grid for the same query goes out as the columns
 * that changed since the one the view holds (a replay with the view's fixed window changes a few
 * columns at the clock per refresh): main encodes and sends a few columns instead of the 2.7 MB of
 * base64 of a 1,000 × 500 grid, and the renderer decodes only those. A view that names no grid, a
 * grid no longer kept (`KEEP` most recent), or another query (window, size, layers, source) gets
 * the whole grid, as before.
 */

/** How many sent grids are kept (a few views or windows at once; 2 MB each at 1,000 × 500). */
export const KEEP = 4;

interface Sent {
  readonly key: string;
  readonly cells: Float32Array;
}

export interface GridDelta {
  /** The grid these columns apply to (its version). */
  readonly base: string;
  /** Columns [from, to) are sent (column-major, `rows` cells each); the others are the base's. */
  readonly from: number;
  readonly to: number;
}

/** Columns [from, to) that hold every cell differing between a and b (same size); null when none differs. */
export function changedRange(a: Float32Array, b: Float32Array, rows: number): { from: number; to: number } | null {
  if (a.length !== b.length) return { from: 0, to: Math.ceil(Math.max(a.length, b.length) / rows) };
  // Bit for bit (the renderer's picture is of these bits): a Float32's bits as an Int32.
  const x = new Int32Array(a.buffer, a.byteOffset, a.length);
  const y = new Int32Array(b.buffer, b.byteOffset, b.length);
  const n = x.length;
  let lo = 0;
  while (lo < n && x[lo] === y[lo]) lo++;
  if (lo === n) return null;
  let hi = n - 1;
  while (hi > lo && x[hi] === y[hi]) hi--;
  return { from: Math.floor(lo / rows), to: Math.floor(hi / rows) + 1 };
}

export class SentGrids {
  private readonly sent = new Map<string, Sent>();
  private next = 1;

  /**
   * Keeps `cells` (sent for `key`) under a new version; returns it and, when `base` names a kept
   * grid of the same key and size, the columns to send instead of the whole grid.
   */
  send(key: string, cells: Float32Array, rows: number, base: string | undefined): { version: string; delta: GridDelta | null } {
    const version = String(this.next++);
    const prev = base === undefined ? undefined : this.sent.get(base);
    let delta: GridDelta | null = null;
    if (prev && base !== undefined && prev.key === key && prev.cells.length === cells.length) {
      const r = changedRange(prev.cells, cells, rows);
      delta = { base, from: r?.from ?? 0, to: r?.to ?? 0 };
    }
    this.sent.set(version, { key, cells });
    while (this.sent.size > KEEP) this.sent.delete(this.sent.keys().next().value!);
    return { version, delta };
  }
}
