import type { HeatmapGrid } from '#shared/domain/heatmap';
import { RAMPS } from './grid-painter';

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

/**
 * The theme's colours, read from the CSS variables once per theme (the root's data-theme): a
 * getComputedStyle on every draw forced a style recalculation while the replay bar was changing.
 */
let themeCache: { key: string | undefined; theme: Theme } | null = null;
export function readTheme(): Theme {
  const key = document.documentElement.dataset.theme;
  if (themeCache && themeCache.key === key) return themeCache.theme;
  const theme = readThemeNow();
  themeCache = { key, theme };
  return theme;
}

function readThemeNow(): Theme {
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

/** The colour ramp as a CSS gradient (the legend's swatch), from the faintest colour a cell gets to the hottest. */
export function rampCss(dark: boolean): string {
  const lut = dark ? RAMPS.dark : RAMPS.light;
  const stops = [24, 70, 116, 162, 208, 255].map((i, k, all) => `rgb(${lut[i * 4]}, ${lut[i * 4 + 1]}, ${lut[i * 4 + 2]}) ${((k / (all.length - 1)) * 100).toFixed(0)}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/**
 * A price label on the axis: thousands separated, as many decimals as the gridline step needs (at
 * most the tick's). One Intl formatter per decimal count, kept: toLocaleString builds one per call,
 * which was the draw's largest cost (about 1 ms per draw for ten labels).
 */
export function axisPrice(p: number, step: number, decimals: number): string {
  const d = step >= 1 ? 0 : Math.min(decimals, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)));
  return priceFormat(d).format(p);
}

const FORMATS = new Map<number, Intl.NumberFormat>();
export function priceFormat(decimals: number): Intl.NumberFormat {
  let f = FORMATS.get(decimals);
  if (!f) FORMATS.set(decimals, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f;
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
