import { describe, expect, it } from 'vitest';
import { base64Cells } from '#main/analytics/heatmap/encode';
import { KEEP, SentGrids, changedRange } from '#main/analytics/heatmap/grid-delta';
import { patchCells } from '#renderer/views/heatmap/grid-wire';

const COLS = 12;
const ROWS = 5;

/** A grid whose cells are their index plus `shift` in columns [from, to). */
function grid(shift = 0, from = 0, to = 0): Float32Array {
  const g = new Float32Array(COLS * ROWS);
  for (let i = 0; i < g.length; i++) g[i] = i + (i >= from * ROWS && i < to * ROWS ? shift : 0);
  return g;
}

/** What the renderer decodes from main's base64 (as decodeGrid does). */
function decoded(b64: string): Float32Array {
  const bytes = Buffer.from(b64, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

describe('changedRange', () => {
  it('spans the first to the last column holding a differing cell', () => {
    expect(changedRange(grid(), grid(), ROWS)).toBeNull();
    expect(changedRange(grid(), grid(1, 3, 4), ROWS)).toEqual({ from: 3, to: 4 });
    const b = grid();
    b[2 * ROWS + 4] = -1; // the last row of column 2
    b[7 * ROWS] = -1; // the first row of column 7
    expect(changedRange(grid(), b, ROWS)).toEqual({ from: 2, to: 8 });
    b[COLS * ROWS - 1] = -1;
    expect(changedRange(grid(), b, ROWS)).toEqual({ from: 2, to: COLS });
  });

  it('compares bits (a -0 where 0 was is a change; NaN against NaN is not)', () => {
    const a = grid();
    const b = grid();
    b[5 * ROWS + 1] = -0;
    a[0] = NaN;
    b[0] = NaN;
    expect(changedRange(a, b, ROWS)).toEqual({ from: 5, to: 6 }); // a[5*ROWS+1] is 26, b's -0
  });
});

describe('a delta from main applied in the view equals the whole grid', () => {
  it('over a sequence of grids, with the view holding what it was sent', () => {
    const sent = new SentGrids();
    let held: { version: string; cells: Float32Array } | null = null;
    const grids = [grid(), grid(1, 4, 6), grid(1, 4, 6), grid(2, 4, 9), grid(0, 0, 0), grid(3, 11, 12)];
    for (const g of grids) {
      const s = sent.send('12x5', g, ROWS, held?.version);
      if (held) expect(s.delta?.base).toBe(held.version);
      const d = s.delta;
      const data = d ? base64Cells(g, d.from * ROWS, d.to * ROWS) : base64Cells(g, 0, g.length);
      const cells = patchCells(held, { cols: COLS, rows: ROWS, delta: d }, decoded(data));
      expect(cells).not.toBeNull();
      expect(Array.from(cells!)).toEqual(Array.from(g));
      held = { version: s.version, cells: cells! };
    }
  });

  it('sends only the changed columns', () => {
    const sent = new SentGrids();
    const first = sent.send('12x5', grid(), ROWS, undefined);
    expect(first.delta).toBeNull();
    expect(sent.send('12x5', grid(1, 4, 6), ROWS, first.version).delta).toEqual({ base: first.version, from: 4, to: 6 });
  });

  it('sends the whole grid for an unknown or evicted base, or another shape', () => {
    const sent = new SentGrids();
    const first = sent.send('12x5', grid(), ROWS, undefined);
    expect(sent.send('12x5', grid(), ROWS, 'nope').delta).toBeNull();
    expect(sent.send('5x12', grid(), COLS, first.version).delta).toBeNull();
    for (let i = 0; i < KEEP; i++) sent.send('12x5', grid(), ROWS, undefined);
    expect(sent.send('12x5', grid(), ROWS, first.version).delta).toBeNull();
  });
});

describe('patchCells', () => {
  const held = { version: '7', cells: grid() };
  it('refuses a delta on a grid the view does not hold (it then asks for the whole grid)', () => {
    expect(patchCells(held, { cols: COLS, rows: ROWS, delta: { base: '6', from: 1, to: 2 } }, new Float32Array(ROWS))).toBeNull();
    expect(patchCells(null, { cols: COLS, rows: ROWS, delta: { base: '7', from: 1, to: 2 } }, new Float32Array(ROWS))).toBeNull();
    expect(patchCells(held, { cols: COLS, rows: ROWS, delta: { base: '7', from: 1, to: 3 } }, new Float32Array(ROWS))).toBeNull();
  });
  it('leaves the held cells untouched (the painter compares them with the new ones)', () => {
    const out = patchCells(held, { cols: COLS, rows: ROWS, delta: { base: '7', from: 1, to: 2 } }, new Float32Array(ROWS).fill(-5))!;
    expect(out).not.toBe(held.cells);
    expect(Array.from(held.cells)).toEqual(Array.from(grid()));
    expect(out[ROWS]).toBe(-5);
    expect(out[0]).toBe(0);
    expect(out[2 * ROWS]).toBe(2 * ROWS);
  });
  it('passes a whole grid through', () => {
    const whole = grid(1, 0, COLS);
    expect(patchCells(held, { cols: COLS, rows: ROWS, delta: null }, whole)).toBe(whole);
  });
});
