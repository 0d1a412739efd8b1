import type { HeatmapGrid } from '#shared/domain/heatmap';

/** A grid as the view draws it: the wire's fields and its cells decoded (a delta applied). */
export interface ViewGrid extends HeatmapGrid {
  /** Quantities, column-major (`cells[c * rows + r]`). */
  readonly cells: Float32Array;
  /** Time to decode it (and apply the delta), for the bench and DevTools. */
  readonly decodeMs: number;
}

/** The cells the view holds and their version (the next request's `base`). */
export interface HeldGrid {
  readonly version: string | null;
  readonly cells: Float32Array;
}

/**
 * The cells of a grid from main: decoded whole, or (a delta) the held grid's cells with columns
 * [from, to) replaced, in a new array (the grid painter compares the previous cells with these).
 * Null when the delta's base is not the grid held (then the view asks for the whole grid).
 */
export function applyGrid(held: HeldGrid | null, g: HeatmapGrid): ViewGrid | null {
  const started = performance.now();
  const part = decodeGrid(g);
  const cells = patchCells(held, g, part);
  return cells ? { ...g, cells, decodeMs: performance.now() - started } : null;
}

/** The pure part of applyGrid (unit-tested): the held cells patched with a delta's columns. */
export function patchCells(held: HeldGrid | null, g: Pick<HeatmapGrid, 'cols' | 'rows' | 'delta'>, part: Float32Array): Float32Array | null {
  const d = g.delta;
  if (!d) return part;
  const n = g.cols * g.rows;
  if (!held || held.version !== d.base || held.cells.length !== n || part.length !== (d.to - d.from) * g.rows) return null;
  if (d.to <= d.from) return held.cells;
  const cells = held.cells.slice();
  cells.set(part, d.from * g.rows);
  return cells;
}

/**
 * The grid's cells from their wire form (base64 Float32, column-major). Chromium decodes base64
 * natively (Uint8Array.fromBase64, several times faster than atob and a byte loop over 2.7 MB).
 */
export function decodeGrid(g: HeatmapGrid): Float32Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) {
    const bytes = native(g.data);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  }
  const bin = atob(g.data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}
