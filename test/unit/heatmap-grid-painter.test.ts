import { describe, expect, it } from 'vitest';
import { GridPainter, LOG_LUT, changedColumns, MIN_INDEX, RAMPS, linearIndex, logIndex, quantiseTop, type ColourScale, type PaintInput } from '#renderer/views/heatmap/grid-painter';

/** A deterministic pseudo-random stream (no Math.random: reproducible failures). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** A grid filled up to column `upTo` (exclusive), like the view's fixed window while the replay plays. */
function grid(cols: number, rows: number, upTo: number, seed: number, scale: ColourScale = 'log', dark = true): PaintInput {
  const rnd = lcg(seed);
  const cells = new Float32Array(cols * rows);
  const marks = new Float64Array(cols);
  for (let c = 0; c < cols; c++) {
    marks[c] = 60_000 + c * 3;
    if (c >= upTo) continue;
    for (let r = 0; r < rows; r++) if (rnd() < 0.4) cells[c * rows + r] = Math.fround(rnd() * rnd() * 50);
  }
  return { cols, rows, cells, marks, scale, dark };
}

/** The same grid with one more column filled and a new latest mark on every column not reached yet. */
function advance(g: PaintInput, col: number, seed: number, boost = 1): PaintInput {
  const rnd = lcg(seed);
  const cells = g.cells.slice();
  const marks = g.marks.slice();
  for (let r = 0; r < g.rows; r++) if (rnd() < 0.4) cells[col * g.rows + r] = Math.fround(rnd() * 50 * boost);
  for (let c = col + 1; c < g.cols; c++) marks[c] = 61_234.5;
  return { ...g, cells, marks };
}

const fresh = (g: PaintInput): Uint8ClampedArray => {
  const p = new GridPainter();
  p.paint(g);
  return p.pixels;
};

/** The pixel of cell (c, r): the image's top row is the highest price. */
const pixel = (px: Uint8ClampedArray, g: PaintInput, c: number, r: number): number[] => {
  const o = ((g.rows - 1 - r) * g.cols + c) * 4;
  return [px[o]!, px[o + 1]!, px[o + 2]!, px[o + 3]!];
};

describe('GridPainter', () => {
  it('an incremental paint writes the same pixels as a full paint of the same grid', () => {
    for (const scale of ['log', 'linear'] as const) {
      let g = grid(120, 60, 40, 7, scale);
      const painter = new GridPainter();
      expect(painter.paint(g)?.full).toBe(true);
      for (let col = 40; col < 70; col++) {
        g = advance(g, col, 100 + col);
        painter.paint(g);
        expect(Buffer.from(painter.pixels).equals(Buffer.from(fresh(g)))).toBe(true);
      }
    }
  });

  it('repaints only the column that changed on a tick, and nothing when the grid is the same', () => {
    const g0 = grid(200, 50, 100, 3);
    const painter = new GridPainter();
    painter.paint(g0);
    // Columns the clock has not reached change their mark every tick, but they are empty.
    const g1 = advance(g0, 100, 11, 0.5);
    const d = painter.paint(g1);
    expect(d).toEqual({ from: 100, to: 101, count: 1, full: false });
    expect(painter.paint({ ...g1, cells: g1.cells.slice(), marks: g1.marks.slice() })).toBeNull();
  });

  it('with a delta\'s columns (within), compares only those and still paints what a full paint does', () => {
    let g = grid(120, 60, 40, 5);
    const painter = new GridPainter();
    painter.paint(g);
    for (let col = 40; col < 60; col++) {
      g = advance(g, col, 300 + col);
      const d = painter.paint({ ...g, within: { from: col, to: col + 1 } });
      expect(d === null || d.full || (d.from === col && d.to === col + 1)).toBe(true);
      expect(Buffer.from(painter.pixels).equals(Buffer.from(fresh(g)))).toBe(true);
    }
    // A change outside the range given is taken as none (the range is main's word for it).
    const h = advance(g, 90, 77, 0.5);
    expect(painter.paint({ ...h, marks: g.marks, within: { from: 10, to: 12 } })).toBeNull();
  });

  it('repaints everything when the scale, the theme, the size or the scale top changes', () => {
    const g = grid(50, 20, 30, 5);
    const painter = new GridPainter();
    painter.paint(g);
    expect(painter.paint({ ...g, scale: 'linear' })?.full).toBe(true);
    expect(painter.paint({ ...g, scale: 'linear', dark: false })?.full).toBe(true);
    // A column far hotter than the rest moves the top: every column's colour is relative to it.
    const hot = advance({ ...g, scale: 'linear', dark: false }, 30, 9, 1000);
    expect(painter.paint(hot)).toMatchObject({ full: true, count: 50 });
    expect(Buffer.from(painter.pixels).equals(Buffer.from(fresh(hot)))).toBe(true);
    const big = grid(60, 20, 30, 5);
    expect(painter.paint(big)?.full).toBe(true);
    expect(painter.pixels.length).toBe(60 * 20 * 4);
  });

  it('leaves empty cells transparent and colours the hottest cell at the top of the ramp', () => {
    const cols = 4;
    const rows = 3;
    const cells = new Float32Array(cols * rows);
    cells[1 * rows + 2] = 8; // the hottest: column 1, highest row
    cells[2 * rows + 0] = 0.0004; // more than four decades under it: the faintest entry
    const g: PaintInput = { cols, rows, cells, marks: new Float64Array(cols).fill(100), scale: 'log', dark: true };
    const px = fresh(g);
    expect(pixel(px, g, 0, 0)).toEqual([0, 0, 0, 0]);
    const top = [...RAMPS.dark.slice(255 * 4, 256 * 4)];
    expect(pixel(px, g, 1, 2)).toEqual(top);
    expect(pixel(px, g, 2, 0)).toEqual([...RAMPS.dark.slice(MIN_INDEX * 4, MIN_INDEX * 4 + 4)]);
    // The top row of the image is the highest price.
    expect([...px.slice((1) * 4, 2 * 4)]).toEqual(top);
  });
});

describe('changedColumns', () => {
  it('finds exactly the changed columns, two cells at a time or one (odd rows, unaligned views)', () => {
    for (const [cols, rows] of [
      [7, 4],
      [6, 5],
      [4, 3],
      [7, 5],
    ] as const) {
      for (let c = 0; c < cols; c++) {
        for (let r = 0; r < rows; r++) {
          const a = new Float32Array(cols * rows + 1).fill(2);
          const b = a.slice();
          b[c * rows + r] = 3;
          const expected = Array.from({ length: cols }, (_, k) => (k === c ? 1 : 0));
          expect([...changedColumns(a.subarray(0, cols * rows), b.subarray(0, cols * rows), cols, rows)]).toEqual(expected);
          // A view at an odd cell offset cannot be read as doubles: the cell-by-cell scan.
          expect([...changedColumns(a.subarray(1), b.subarray(1), cols, rows)]).toEqual(Array.from({ length: cols }, (_, k) => (k === Math.floor((c * rows + r - 1) / rows) && c * rows + r >= 1 ? 1 : 0)));
        }
      }
    }
  });
});

describe('the log lookup table', () => {
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  const viaLut = (ratio: number): number => {
    f[0] = ratio;
    return LOG_LUT[u[0]! >>> 15]!;
  };

  it('maps intensities monotonically from the faintest entry to the hottest', () => {
    let prev = 0;
    for (let e = -12; e <= 0; e += 0.001) {
      const i = viaLut(Math.pow(10, e));
      expect(i).toBeGreaterThanOrEqual(prev);
      prev = i;
    }
    expect(viaLut(1e-12)).toBe(MIN_INDEX);
    expect(viaLut(1)).toBe(255);
    expect(viaLut(1.0000001)).toBe(255);
  });

  it('agrees with the exact log10 index within one ramp entry', () => {
    const rnd = lcg(42);
    for (let k = 0; k < 20_000; k++) {
      const ratio = Math.fround(Math.pow(10, -5 * rnd()));
      expect(Math.abs(viaLut(ratio) - logIndex(ratio))).toBeLessThanOrEqual(1);
    }
  });

  it('linear index and quantised top', () => {
    expect(linearIndex(0.001)).toBe(MIN_INDEX);
    expect(linearIndex(1)).toBe(255);
    for (const max of [1, 3.7, 12_345.678, 9.99e9]) {
      const top = quantiseTop(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(top / max).toBeLessThan(Math.pow(2, 1 / 32) * (1 + 1e-12));
    }
    // A max growing by less than 1/32 octave keeps the same top.
    expect(quantiseTop(1000)).toBe(quantiseTop(1000 * 1.001));
    expect(quantiseTop(0)).toBe(0);
  });
});
