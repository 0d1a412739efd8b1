import type { HeatmapGrid } from '#shared/domain/heatmap';

/** Where the plot sits inside the canvas (CSS pixels): price axis on the right, time axis below. */
export const PLOT_MARGIN = { left: 8, right: 78, top: 10, bottom: 24 } as const;

export interface PlotBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function plotBox(width: number, height: number): PlotBox {
  return { x: PLOT_MARGIN.left, y: PLOT_MARGIN.top, w: Math.max(10, width - PLOT_MARGIN.left - PLOT_MARGIN.right), h: Math.max(10, height - PLOT_MARGIN.top - PLOT_MARGIN.bottom) };
}

export interface Theme {
  readonly bg: string;
  readonly text: string;
  readonly faint: string;
  readonly grid: string;
  readonly up: string;
  readonly down: string;
  readonly warn: string;
  readonly accent: string;
  readonly dark: boolean;
}

export function readTheme(): Theme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--bg-raised', '#151b23'),
    text: v('--text-muted', '#8b98a9'),
    faint: v('--text-faint', '#5f6d7e'),
    grid: v('--border', '#263040'),
    up: v('--up', '#1fc07f'),
    down: v('--down', '#f0506e'),
    warn: v('--warn', '#e5a93a'),
    accent: v('--accent', '#4f8cff'),
    dark: document.documentElement.dataset.theme !== 'light',
  };
}

/** The grid's cells from their wire form (base64 Float32, column-major). */
export function decodeGrid(g: HeatmapGrid): Float32Array {
  const bin = atob(g.data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/**
 * A perceptual ramp (dark blue → violet → orange → yellow, like the estimate sites use) as 256
 * RGBA entries; on the light theme low values fade to white instead of to the dark background.
 */
function ramp(dark: boolean): Uint8ClampedArray {
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

const RAMPS = { dark: ramp(true), light: ramp(false) };

/** The colour ramp as a CSS gradient (the legend's swatch), from the faintest colour a cell gets to the hottest. */
export function rampCss(dark: boolean): string {
  const lut = dark ? RAMPS.dark : RAMPS.light;
  const stops = [24, 70, 116, 162, 208, 255].map((i, k, all) => `rgb(${lut[i * 4]}, ${lut[i * 4 + 1]}, ${lut[i * 4 + 2]}) ${((k / (all.length - 1)) * 100).toFixed(0)}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** A price label on the axis: thousands separated, as many decimals as the gridline step needs (at most the tick's). */
export function axisPrice(p: number, step: number, decimals: number): string {
  const d = step >= 1 ? 0 : Math.min(decimals, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)));
  return p.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/**
 * Cells to pixels in one pass (ImageData: one pixel per cell, the image is scaled when drawn).
 * Colour is notional = quantity × the column's mark, linear or log against the grid's maximum.
 * Empty cells stay transparent so the background shows through.
 */
export function gridImage(g: HeatmapGrid, cells: Float32Array, scale: 'linear' | 'log', dark: boolean, markAt: (col: number) => number): ImageData {
  const { cols, rows } = g;
  const img = new ImageData(cols, rows);
  const px = img.data;
  const lut = dark ? RAMPS.dark : RAMPS.light;
  let max = 0;
  const marks = new Float64Array(cols);
  for (let c = 0; c < cols; c++) {
    marks[c] = markAt(c);
    for (let r = 0; r < rows; r++) {
      const v = cells[c * rows + r]! * marks[c]!;
      if (v > max) max = v;
    }
  }
  if (max <= 0) return img;
  // Log: four decades below the hottest cell (a 1,000,000 USDT level and a 100 USDT one both show).
  const decades = 4;
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      const q = cells[c * rows + r]!;
      if (q <= 0) continue;
      const v = q * marks[c]!;
      const x = scale === 'log' ? 1 + Math.log10(v / max) / decades : v / max;
      const i = Math.min(255, Math.max(24, Math.round(x * 255)));
      // Row 0 is the lowest price: the image's top row is the highest.
      const o = ((rows - 1 - r) * cols + c) * 4;
      px[o] = lut[i * 4]!;
      px[o + 1] = lut[i * 4 + 1]!;
      px[o + 2] = lut[i * 4 + 2]!;
      px[o + 3] = 255;
    }
  }
  return img;
}

export interface Scales {
  x(t: number): number;
  y(p: number): number;
  t(x: number): number;
  p(y: number): number;
}

export function scales(g: Pick<HeatmapGrid, 't0' | 't1' | 'p0' | 'p1'>, box: PlotBox): Scales {
  return {
    x: (t) => box.x + ((t - g.t0) / (g.t1 - g.t0)) * box.w,
    y: (p) => box.y + box.h - ((p - g.p0) / (g.p1 - g.p0)) * box.h,
    t: (x) => g.t0 + ((x - box.x) / box.w) * (g.t1 - g.t0),
    p: (y) => g.p0 + ((box.y + box.h - y) / box.h) * (g.p1 - g.p0),
  };
}

/** Round steps for axis labels (1, 2, 5 × 10^k). */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / pow;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * pow;
}
