import { ColorType, CrosshairMode, LineStyle, type DeepPartial, type ChartOptions } from 'lightweight-charts';

/** The design tokens the chart needs, read from CSS so light and dark follow base.css exactly. */
export interface ChartColors {
  readonly bg: string;
  readonly text: string;
  readonly faint: string;
  readonly grid: string;
  readonly border: string;
  readonly up: string;
  readonly down: string;
  readonly warn: string;
  readonly accent: string;
}

export function readChartColors(): ChartColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--bg-raised', '#151b23'),
    text: v('--text-muted', '#8b98a9'),
    faint: v('--text-faint', '#5f6d7e'),
    grid: v('--border', '#263040'),
    border: v('--border-strong', '#344256'),
    up: v('--up', '#1fc07f'),
    down: v('--down', '#f0506e'),
    warn: v('--warn', '#e5a93a'),
    accent: v('--accent', '#4f8cff'),
  };
}

/** '#rrggbb' with an alpha, as rgba(): the chart's own colour parser knows no color-mix(). */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

export function chartOptions(c: ChartColors, priceDp: number): DeepPartial<ChartOptions> {
  return {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: c.bg },
      textColor: c.text,
      fontSize: 11,
      attributionLogo: false,
    },
    grid: {
      vertLines: { color: withAlpha(c.grid, 0.45) },
      horzLines: { color: withAlpha(c.grid, 0.45) },
    },
    crosshair: {
      mode: CrosshairMode.Normal,
      vertLine: { color: c.faint, style: LineStyle.Dashed, labelBackgroundColor: c.border },
      horzLine: { color: c.faint, style: LineStyle.Dashed, labelBackgroundColor: c.border },
    },
    rightPriceScale: { borderColor: c.grid, scaleMargins: { top: 0.08, bottom: 0.22 } },
    timeScale: { borderColor: c.grid, timeVisible: true, secondsVisible: false, rightOffset: 6 },
    localization: { priceFormatter: (p: number) => p.toFixed(priceDp) },
  };
}
