import { ColorType, CrosshairMode, LineStyle, type ChartOptions, type DeepPartial } from 'lightweight-charts';

/** The design tokens a chart needs, read from CSS so the light and dark themes follow base.css. */
export interface ChartColors {
  readonly bg: string;
  readonly text: string;
  readonly faint: string;
  readonly grid: string;
  readonly up: string;
  readonly down: string;
  readonly warn: string;
  readonly accent: string;
}

export function readChartColors(el: Element = document.documentElement): ChartColors {
  const css = getComputedStyle(el);
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
  };
}

/** '#rrggbb' plus alpha as rgba() (the chart's colour parser has no color-mix()). */
export function alpha(hex: string, a: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${a})` : hex;
}

export function baseChartOptions(c: ChartColors, priceDecimals: number, secondsVisible: boolean): DeepPartial<ChartOptions> {
  return {
    autoSize: true,
    layout: { background: { type: ColorType.Solid, color: c.bg }, textColor: c.text, fontSize: 11, attributionLogo: false },
    grid: { vertLines: { color: alpha(c.grid, 0.5) }, horzLines: { color: alpha(c.grid, 0.5) } },
    crosshair: {
      mode: CrosshairMode.Normal,
      vertLine: { color: c.faint, style: LineStyle.Dashed, labelBackgroundColor: c.grid },
      horzLine: { color: c.faint, style: LineStyle.Dashed, labelBackgroundColor: c.grid },
    },
    rightPriceScale: { borderColor: c.grid, scaleMargins: { top: 0.08, bottom: 0.08 } },
    timeScale: { borderColor: c.grid, timeVisible: true, secondsVisible, rightOffset: 4 },
    localization: { priceFormatter: (p: number) => p.toFixed(priceDecimals) },
  };
}
