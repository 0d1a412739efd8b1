import { describe, expect, it } from 'vitest';
import { dirtyDeviceRect, planDraw, type LayerKeys, type PlotBox } from '#renderer/views/heatmap/canvas-layers';
import type { Dirty } from '#renderer/views/heatmap/grid-painter';

/** A deterministic pseudo-random stream (reproducible failures). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The grid column a device pixel column samples when the layer is scaled into the box (nearest neighbour at the pixel's centre). */
function sampledColumn(i: number, cols: number, box: PlotBox, dpr: number): number {
  return Math.floor((((i + 0.5) / dpr - box.x) / box.w) * cols);
}

describe('dirtyDeviceRect', () => {
  it('covers every device pixel that shows a dirty column, on integer edges, and little else', () => {
    const rnd = lcg(7);
    for (let k = 0; k < 400; k++) {
      const dpr = [1, 1.25, 1.5, 2, 2.5][k % 5]!;
      const w = 200 + Math.floor(rnd() * 1200);
      const h = 160 + Math.floor(rnd() * 700);
      const box: PlotBox = { x: 8, y: 10, w: w - 86, h: h - 34 };
      const cols = 10 + Math.floor(rnd() * 990);
      const from = Math.floor(rnd() * cols);
      const to = Math.min(cols, from + 1 + Math.floor(rnd() * 6));
      const cw = Math.round(w * dpr);
      const ch = Math.round(h * dpr);
      const r = dirtyDeviceRect(from, to, cols, box, dpr, cw, ch)!;
      expect(r).not.toBeNull();
      for (const v of [r.x, r.y, r.w, r.h]) expect(Number.isInteger(v)).toBe(true);
      for (let i = 0; i < cw; i++) {
        const c = sampledColumn(i, cols, box, dpr);
        if (c >= from && c < to) {
          expect(i).toBeGreaterThanOrEqual(r.x);
          expect(i).toBeLessThan(r.x + r.w);
        }
      }
      // The whole plot height (the box's edge pixels included), within the canvas.
      expect(r.y).toBeLessThanOrEqual(Math.floor(box.y * dpr));
      expect(r.y + r.h).toBeGreaterThanOrEqual(Math.ceil((box.y + box.h) * dpr));
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.y + r.h).toBeLessThanOrEqual(ch);
      // A few columns' pixels, not the plot: the point of the dirty rectangle.
      expect(r.w).toBeLessThanOrEqual(Math.ceil(((to - from) / cols) * box.w * dpr) + 3);
    }
  });

  it('is clamped to the canvas at the plot edges, and null for no columns', () => {
    const box: PlotBox = { x: 0, y: 0, w: 100, h: 50 };
    expect(dirtyDeviceRect(0, 10, 10, box, 1, 100, 50)).toEqual({ x: 0, y: 0, w: 100, h: 50 });
    expect(dirtyDeviceRect(9, 10, 10, box, 2, 200, 100)).toEqual({ x: 179, y: 0, w: 21, h: 100 });
    expect(dirtyDeviceRect(3, 3, 10, box, 1, 100, 50)).toBeNull();
  });
});

describe('planDraw', () => {
  const keys: LayerKeys = { base: '800x400 #151b23 8,10,714,366', axes: '800x400 a b 1 0 1 2 3' };
  const dirty: Dirty = { from: 4, to: 6, count: 2, full: false };
  const full: Dirty = { from: 0, to: 10, count: 10, full: true };

  it('draws everything the first time and after the base changed', () => {
    expect(planDraw(null, keys, dirty)).toEqual({ base: 'full', axes: true });
    expect(planDraw(keys, { ...keys, base: '801x400 #151b23 8,10,715,366' }, dirty)).toEqual({ base: 'full', axes: false });
    expect(planDraw(keys, { ...keys, base: '800x400 #ffffff 8,10,714,366' }, undefined)).toEqual({ base: 'full', axes: false });
  });

  it('redraws only the dirty columns of a new grid, all of them when the painter repainted all', () => {
    expect(planDraw(keys, keys, dirty)).toEqual({ base: 'dirty', axes: false });
    expect(planDraw(keys, keys, full)).toEqual({ base: 'full', axes: false });
  });

  it('keeps the base when the grid layer did not change (new dots, lines or cursor) or no pixel did', () => {
    expect(planDraw(keys, keys, undefined)).toEqual({ base: 'none', axes: false });
    expect(planDraw(keys, keys, null)).toEqual({ base: 'none', axes: false });
  });

  it('redraws the axes when their inputs (window, decimals, theme, size) change', () => {
    expect(planDraw(keys, { ...keys, axes: '800x400 a b 1 0 1 2 4' }, undefined)).toEqual({ base: 'none', axes: true });
  });
});
