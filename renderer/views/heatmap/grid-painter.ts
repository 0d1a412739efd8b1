/**
 * The grid's picture as RGBA pixels (one pixel per cell), kept between grids so that a new grid
 * from main repaints only the columns whose cells or mark changed. During a replay the view's
 * window is fixed and only the columns at the clock change, so a refresh paints a handful of
 * columns instead of 1,000 × 500 cells. Pure (no DOM): the canvas wraps `pixels` in an ImageData
 * and puts only the dirty columns (HeatmapCanvas), and the unit test reads `pixels` directly.
 */

export type ColourScale = 'linear' | 'log';

export interface PaintInput {
  readonly cols: number;
  readonly rows: number;
  /** Quantities, column-major (`cells[c * rows + r]`, row 0 the lowest price). */
  readonly cells: Float32Array;
  /** Each column's mark: colour is notional = quantity × mark. */
  readonly marks: Float64Array;
  readonly scale: ColourScale;
  readonly dark: boolean;
  /**
   * Set when the cells are known equal to the last paint's outside columns [from, to) (a delta
   * from main on the grid last painted): only those columns are compared.
   */
  readonly within?: { readonly from: number; readonly to: number };
}

/** Columns [from, to) written by a paint (`count` of them changed); `full` when every column was (size, scale, theme or top changed). */
export interface Dirty {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly full: boolean;
}

/** The faintest ramp entry a non-empty cell gets (index 0..23 are too close to the background to see). */
export const MIN_INDEX = 24;
/** Log scale: this many decades below the top are coloured (a 1,000,000 USDT level and a 100 USDT one both show). */
export const DECADES = 4;
/** The top of the scale is the hottest notional rounded up to 1/STEPS_PER_OCTAVE octave (see `quantiseTop`). */
export const STEPS_PER_OCTAVE = 32;

/**
 * A perceptual ramp (dark blue → violet → orange → yellow, like the estimate sites use) as 256
 * RGBA entries; on the light theme low values fade to white instead of to the dark background.
 */
export function ramp(dark: boolean): Uint8ClampedArray {
  const stops: [number, number, number, number][] = dark
    ? [
        [0, 20, 30, 60],
        [0.25, 60, 40, 140],
        [0.5, 170, 50, 130],
        [0.75, 240, 120, 40],
        [1, 255, 235, 90],
      ]
    : [
        [0, 220, 230, 250],
        [0.25, 130, 150, 230],
        [0.5, 150, 60, 170],
        [0.75, 230, 100, 30],
        [1, 200, 40, 20],
      ];
  const out = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const x = i / 255;
    let k = 0;
    while (k < stops.length - 2 && x > stops[k + 1]![0]) k++;
    const [x0, r0, g0, b0] = stops[k]!;
    const [x1, r1, g1, b1] = stops[k + 1]!;
    const f = (x - x0) / (x1 - x0);
    out[i * 4] = r0 + (r1 - r0) * f;
    out[i * 4 + 1] = g0 + (g1 - g0) * f;
    out[i * 4 + 2] = b0 + (b1 - b0) * f;
    out[i * 4 + 3] = 255;
  }
  return out;
}

export const RAMPS = { dark: ramp(true), light: ramp(false) };

/** The ramp as one 32-bit word per entry in the platform's byte order, so a pixel is one store. */
function palette(dark: boolean): Uint32Array {
  const words = new Uint32Array(256);
  new Uint8Array(words.buffer).set(dark ? RAMPS.dark : RAMPS.light);
  return words;
}
const PALETTES = { dark: palette(true), light: palette(false) };

/**
 * The log scale's lookup table, indexed by the top 16 bits (after the sign) of a ratio's float32:
 * 8 exponent bits and 8 mantissa bits. The mantissa's 1/256 steps are 0.0017 decade, ten times
 * finer than one ramp entry (4 decades / 255 = 0.0157), so the table agrees with
 * `logIndex` to within one entry and is monotone, with no Math.log per cell.
 */
export const LOG_LUT: Uint8Array = (() => {
  const lut = new Uint8Array(1 << 16);
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  for (let k = 0; k < lut.length; k++) {
    // The middle of the bucket stands for all of it; above 1 (never asked: ratios are ≤ 1) the hottest.
    u[0] = (k << 15) | (1 << 14);
    const ratio = f[0]!;
    lut[k] = Number.isFinite(ratio) ? logIndex(ratio) : 255;
  }
  return lut;
})();

/** The exact log-scale ramp index of notional / top (what the LUT approximates). */
export function logIndex(ratio: number): number {
  if (!(ratio > 0)) return MIN_INDEX;
  const x = 1 + Math.log10(ratio) / DECADES;
  return Math.min(255, Math.max(MIN_INDEX, Math.round(x * 255)));
}

/** The linear-scale ramp index of notional / top. */
export function linearIndex(ratio: number): number {
  return Math.min(255, Math.max(MIN_INDEX, Math.round(ratio * 255)));
}

/**
 * The scale's top: the hottest notional rounded up to the next 1/32 octave. A max that grows tick
 * by tick moves the top only once per 2.2 % of growth, and only then does every column repaint;
 * the hottest cell still gets ramp entry ≥ 249 (linear) or the top entry (log, within one entry).
 */
export function quantiseTop(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 0;
  return Math.pow(2, Math.ceil(Math.log2(max) * STEPS_PER_OCTAVE) / STEPS_PER_OCTAVE);
}

/**
 * 1 for each column whose cells differ between a and b. Compared two cells at a time (a Float64
 * view over the Float32 pairs) when the buffers allow it: half the loop of a cell-by-cell scan.
 * Equal doubles are equal bits except ±0 (empty either way) and NaN (unequal: a spurious repaint).
 */
export function changedColumns(a: Float32Array, b: Float32Array, cols: number, rows: number): Uint8Array {
  const out = new Uint8Array(cols);
  const n = cols * rows;
  if (a.length < n || b.length < n) return out.fill(1);
  if (n % 2 === 0 && a.byteOffset % 8 === 0 && b.byteOffset % 8 === 0) {
    const a2 = new Float64Array(a.buffer, a.byteOffset, n / 2);
    const b2 = new Float64Array(b.buffer, b.byteOffset, n / 2);
    for (let i = 0; i < a2.length; i++) {
      if (a2[i] !== b2[i]) {
        // The pair may straddle two columns: mark only the cell that changed.
        const j = 2 * i;
        if (a[j] !== b[j]) out[(j / rows) | 0] = 1;
        if (a[j + 1] !== b[j + 1]) out[((j + 1) / rows) | 0] = 1;
      }
    }
    return out;
  }
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) out[(i / rows) | 0] = 1;
  return out;
}

/** changedColumns over columns [within.from, within.to) only (the others known unchanged), or all of them. */
export function changedIn(a: Float32Array, b: Float32Array, cols: number, rows: number, within: { from: number; to: number } | undefined): Uint8Array {
  if (!within) return changedColumns(a, b, cols, rows);
  const out = new Uint8Array(cols);
  const from = Math.max(0, Math.min(cols, within.from));
  const to = Math.max(from, Math.min(cols, within.to));
  if (to > from) out.set(changedColumns(a.subarray(from * rows, to * rows), b.subarray(from * rows, to * rows), to - from, rows), from);
  return out;
}

export class GridPainter {
  /** RGBA, row-major, top row = highest price; empty cells transparent. */
  pixels = new Uint8ClampedArray(0);
  private words = new Uint32Array(0);
  private cols = 0;
  private rows = 0;
  private scale: ColourScale | null = null;
  private dark = false;
  private top = 0;
  private cells: Float32Array | null = null;
  private marks: Float64Array | null = null;
  /** Each column's hottest notional, so a paint only scans the columns that changed. */
  private colMax = new Float64Array(0);
  /** 1 where a column holds any quantity: an empty column's pixels do not depend on its mark. */
  private occupied = new Uint8Array(0);
  private readonly f32 = new Float32Array(1);
  private readonly u32 = new Uint32Array(this.f32.buffer);

  /** Brings `pixels` up to `g`; returns the columns written, or null when nothing changed. */
  paint(g: PaintInput): Dirty | null {
    const { cols, rows, cells, marks } = g;
    const resized = cols !== this.cols || rows !== this.rows;
    if (resized) {
      this.pixels = new Uint8ClampedArray(cols * rows * 4);
      this.words = new Uint32Array(this.pixels.buffer);
      this.colMax = new Float64Array(cols);
      this.occupied = new Uint8Array(cols);
      this.cols = cols;
      this.rows = rows;
    }
    const restyled = resized || g.scale !== this.scale || g.dark !== this.dark;
    const prev = restyled ? null : this.cells;
    const prevMarks = restyled ? null : this.marks;
    // Which columns differ from the last paint; their maxima are refreshed on the way.
    const changed = prev ? changedIn(prev, cells, cols, rows, g.within) : new Uint8Array(cols).fill(1);
    let from = cols;
    let to = 0;
    let count = 0;
    for (let c = 0; c < cols; c++) {
      const base = c * rows;
      const m = marks[c]!;
      // A column the clock has not reached is empty whatever its mark (the latest, new every tick).
      if (changed[c] === 0 && (prevMarks === null || (prevMarks[c] !== m && this.occupied[c] === 1))) changed[c] = 1;
      if (changed[c] === 0) continue;
      count += 1;
      if (c < from) from = c;
      to = c + 1;
      let mx = 0;
      let any = 0;
      for (let r = 0; r < rows; r++) {
        const q = cells[base + r]!;
        if (q > 0) any = 1;
        const v = q * m;
        if (v > mx) mx = v;
      }
      this.colMax[c] = mx;
      this.occupied[c] = any;
    }
    let max = 0;
    for (let c = 0; c < cols; c++) if (this.colMax[c]! > max) max = this.colMax[c]!;
    const top = quantiseTop(max);
    const full = restyled || top !== this.top;
    this.scale = g.scale;
    this.dark = g.dark;
    this.top = top;
    this.cells = cells;
    this.marks = marks;
    if (full) {
      for (let c = 0; c < cols; c++) this.paintColumn(c, g);
      return { from: 0, to: cols, count: cols, full: true };
    }
    if (from >= to) return null;
    for (let c = from; c < to; c++) if (changed[c] === 1) this.paintColumn(c, g);
    return { from, to, count, full: false };
  }

  private paintColumn(c: number, g: PaintInput): void {
    const { cols, rows, cells } = g;
    const words = this.words;
    const pal = g.dark ? PALETTES.dark : PALETTES.light;
    const k = this.top > 0 ? g.marks[c]! / this.top : 0;
    const base = c * rows;
    // Row 0 is the lowest price: the image's top row is the highest.
    let o = (rows - 1) * cols + c;
    if (g.scale === 'log') {
      const f32 = this.f32;
      const u32 = this.u32;
      for (let r = 0; r < rows; r++, o -= cols) {
        const q = cells[base + r]!;
        if (!(q > 0) || k <= 0) {
          words[o] = 0;
          continue;
        }
        f32[0] = q * k;
        words[o] = pal[LOG_LUT[u32[0]! >>> 15]!]!;
      }
    } else {
      for (let r = 0; r < rows; r++, o -= cols) {
        const q = cells[base + r]!;
        words[o] = q > 0 && k > 0 ? pal[linearIndex(q * k)]! : 0;
      }
    }
  }
}
