import { useEffect, useRef } from 'react';
import { CandlestickSeries, LineSeries, createChart, createSeriesMarkers, type IChartApi, type ISeriesApi, type ISeriesMarkersPluginApi, type SeriesMarker, type Time, type UTCTimestamp } from 'lightweight-charts';
import type { Candle } from '#shared/domain/market-series';
import { alpha, baseChartOptions, readChartColors, type ChartColors } from './chart-colors';

/** A line drawn over the candles (mark, index): points at candle times. */
export interface ChartLine {
  readonly id: string;
  readonly label: string;
  readonly tone: 'accent' | 'warn' | 'faint';
  readonly points: readonly { readonly t: number; readonly value: string }[];
}

/** A point on the chart at a price (a fill): drawn at the bar containing `t`. */
export interface ChartMarker {
  readonly t: number;
  readonly price: string;
  readonly shape: 'arrowUp' | 'arrowDown' | 'circle';
  readonly tone: ChartLine['tone'] | 'up' | 'down';
  readonly text: string;
}

export interface CandleChartProps {
  readonly candles: readonly Candle[];
  readonly lines?: readonly ChartLine[];
  /** Decimals on the price axis. */
  readonly priceDecimals: number;
  /** Changes when the theme changes, so colours are read again from CSS. */
  readonly theme: string;
  /** Accessible description of what the chart shows (canvas content is invisible to screen readers). */
  readonly label: string;
  readonly testId?: string;
  readonly secondsVisible?: boolean;
  /** A click on a candle picks its open time (choosing a window on the chart). */
  readonly onPick?: (t: number) => void;
  /** Times marked on the chart (a picked window's start and end), with their labels. */
  readonly picks?: readonly { readonly t: number; readonly label: string }[];
  /** Point markers at prices (fills), placed on the bar that contains their time. */
  readonly markers?: readonly ChartMarker[];
}

/**
 * Candles from decimal strings, on lightweight-charts v5. The chart is the only place prices
 * become floats: it draws them, nothing computes with them. The chart lives outside React's
 * render (created once, fed through effects) so a new candle array costs one setData.
 */
export function CandleChart(props: CandleChartProps) {
  const { candles, lines = [], priceDecimals, theme, label, testId, secondsVisible = false, onPick, picks, markers: points } = props;
  const pickRef = useRef(onPick);
  useEffect(() => {
    pickRef.current = onPick;
  }, [onPick]);
  const markers = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const candleSeries = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const lineSeries = useRef(new Map<string, ISeriesApi<'Line'>>());
  const colors = useRef<ChartColors | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = readChartColors();
    colors.current = c;
    const api = createChart(el, baseChartOptions(c, priceDecimals, secondsVisible));
    chart.current = api;
    candleSeries.current = api.addSeries(CandlestickSeries, {
      upColor: c.up,
      downColor: c.down,
      borderVisible: false,
      wickUpColor: c.up,
      wickDownColor: c.down,
      priceLineVisible: false,
    });
    markers.current = createSeriesMarkers(candleSeries.current, []);
    // Picks come from the DOM's click, not subscribeClick: the chart counts a second click within
    // 500 ms as half of a double click and reports neither, so a quick start-then-end was lost.
    let down: { x: number; y: number } | null = null;
    const onDown = (e: MouseEvent): void => {
      down = { x: e.clientX, y: e.clientY };
    };
    const onClick = (e: MouseEvent): void => {
      const moved = down ? Math.abs(e.clientX - down.x) + Math.abs(e.clientY - down.y) : 0;
      if (!pickRef.current || moved > 4) return; // a pan, not a pick
      const r = el.getBoundingClientRect();
      const x = e.clientX - r.left;
      if (x > api.timeScale().width() || e.clientY - r.top > r.height - api.timeScale().height()) return; // on an axis
      const t = api.timeScale().coordinateToTime(x);
      if (typeof t === 'number') pickRef.current(t * 1000);
    };
    el.addEventListener('mousedown', onDown);
    el.addEventListener('click', onClick);
    const lines = lineSeries.current;
    return () => {
      el.removeEventListener('mousedown', onDown);
      el.removeEventListener('click', onClick);
      api.remove();
      chart.current = null;
      candleSeries.current = null;
      markers.current = null;
      lines.clear();
    };
  }, [priceDecimals, secondsVisible]);

  // A theme switch re-reads the CSS tokens.
  useEffect(() => {
    const api = chart.current;
    if (!api) return;
    const c = readChartColors();
    colors.current = c;
    api.applyOptions(baseChartOptions(c, priceDecimals, secondsVisible));
    candleSeries.current?.applyOptions({ upColor: c.up, downColor: c.down, wickUpColor: c.up, wickDownColor: c.down });
    for (const [id, s] of lineSeries.current) s.applyOptions({ color: toneColor(c, lines.find((l) => l.id === id)?.tone ?? 'faint') });
  }, [theme, priceDecimals, secondsVisible, lines]);

  useEffect(() => {
    const s = candleSeries.current;
    if (!s) return;
    s.setData(
      candles.map((k) => ({ time: (k.t / 1000) as UTCTimestamp, open: Number(k.open), high: Number(k.high), low: Number(k.low), close: Number(k.close) })),
    );
    chart.current?.timeScale().fitContent();
  }, [candles, priceDecimals, secondsVisible]);

  useEffect(() => {
    const api = chart.current;
    const c = colors.current;
    if (!api || !c) return;
    const existing = lineSeries.current;
    for (const [id, s] of existing) {
      if (!lines.some((l) => l.id === id)) {
        api.removeSeries(s);
        existing.delete(id);
      }
    }
    for (const l of lines) {
      let s = existing.get(l.id);
      if (!s) {
        s = api.addSeries(LineSeries, { color: toneColor(c, l.tone), lineWidth: 1, priceLineVisible: false, lastValueVisible: false, title: l.label });
        existing.set(l.id, s);
      }
      s.setData(l.points.map((p) => ({ time: (p.t / 1000) as UTCTimestamp, value: Number(p.value) })));
    }
  }, [lines, priceDecimals, secondsVisible]);

  useEffect(() => {
    const c = colors.current;
    if (!c) return;
    const picked: Array<SeriesMarker<Time>> = (picks ?? []).map((p) => ({ time: (p.t / 1000) as UTCTimestamp, position: 'aboveBar', shape: 'arrowDown', color: c.accent, text: p.label }));
    const atPrice: Array<SeriesMarker<Time>> = (points ?? []).flatMap((m) => {
      const bar = barAt(candles, m.t);
      return bar === null ? [] : [{ time: (bar / 1000) as UTCTimestamp, position: 'atPriceMiddle', price: Number(m.price), shape: m.shape, color: markerColor(c, m.tone), text: m.text, size: 1 }];
    });
    markers.current?.setMarkers([...picked, ...atPrice].sort((a, b) => (a.time as number) - (b.time as number)));
  }, [picks, points, candles, priceDecimals, secondsVisible, theme]);

  return (
    <div ref={box} className="candle-chart" role="img" aria-label={label} data-testid={testId} data-candles={candles.length} data-picks={picks?.length ?? 0} data-markers={points?.length ?? 0} />
  );
}

/** Open time of the candle containing `t` (markers sit on bars), or null outside the candles. */
function barAt(candles: readonly Candle[], t: number): number | null {
  let lo = 0;
  let hi = candles.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (candles[mid]!.t <= t) {
      found = candles[mid]!.t;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ?? (candles.length > 0 && t >= candles[0]!.t - 60_000 ? candles[0]!.t : null);
}

function markerColor(c: ChartColors, tone: ChartMarker['tone']): string {
  if (tone === 'up') return c.up;
  if (tone === 'down') return c.down;
  return toneColor(c, tone);
}

function toneColor(c: ChartColors, tone: ChartLine['tone']): string {
  switch (tone) {
    case 'accent':
      return c.accent;
    case 'warn':
      return c.warn;
    case 'faint':
      return alpha(c.text, 0.8);
    default: {
      const never: never = tone;
      return String(never);
    }
  }
}
