import { useEffect, useRef } from 'react';
import { CandlestickSeries, LineStyle, createChart, createSeriesMarkers, type IChartApi, type IPriceLine, type ISeriesApi, type ISeriesMarkersPluginApi, type Time, type UTCTimestamp } from 'lightweight-charts';
import type { Candle } from '#shared/domain/market-series';
import { Dec, roundTo, toWire } from '#shared/money/decimal';
import { baseChartOptions, readChartColors, type ChartColors } from '../../components/chart/chart-colors';
import { ChartGrips } from './ChartGrips';

export interface PlanLine {
  /** 'entry' | 'stop' | 'liq' | 'tp0'.. */
  readonly id: string;
  readonly label: string;
  readonly price: string;
  readonly tone: 'accent' | 'down' | 'warn' | 'up';
  readonly draggable: boolean;
}

const GRAB_PX = 6;

function color(c: ChartColors, tone: PlanLine['tone']): string {
  return tone === 'accent' ? c.accent : tone === 'down' ? c.down : tone === 'warn' ? c.warn : c.up;
}

/**
 * Stored candles around the entry with the plan's lines. Entry, stop and targets drag (a press
 * within 6 px takes the gesture from the chart); release reports the new price at the tick, and
 * the plan recomputes. Lines are moved in place, so a keystroke costs a few applyOptions.
 */
export function PlannerChart(props: {
  candles: readonly Candle[];
  lines: readonly PlanLine[];
  entryAt: number | null;
  tickSize: string;
  priceDecimals: number;
  theme: string;
  fmtPrice: (p: string) => string;
  onDrag: (id: string, price: string) => void;
}) {
  const { candles, lines, entryAt, tickSize, priceDecimals, theme, fmtPrice, onDrag } = props;
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const markers = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  const priceLines = useRef(new Map<string, { line: IPriceLine; spec: PlanLine }>());
  const live = useRef({ onDrag, tickSize });
  useEffect(() => {
    live.current = { onDrag, tickSize };
  }, [onDrag, tickSize]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = readChartColors();
    const api = createChart(el, baseChartOptions(c, priceDecimals, false));
    chart.current = api;
    const s = api.addSeries(CandlestickSeries, { upColor: c.up, downColor: c.down, borderVisible: false, wickUpColor: c.up, wickDownColor: c.down, priceLineVisible: false });
    series.current = s;
    markers.current = createSeriesMarkers(s, []);
    const lineMap = priceLines.current;
    let active: { id: string; line: IPriceLine; price: string } | null = null;
    const localY = (e: PointerEvent) => e.clientY - el.getBoundingClientRect().top;
    const hit = (y: number) => {
      let best: { id: string; line: IPriceLine } | null = null;
      let bestD = GRAB_PX + 1;
      for (const [id, { line, spec }] of lineMap) {
        if (!spec.draggable) continue;
        const ly = s.priceToCoordinate(line.options().price);
        if (ly != null && Math.abs(ly - y) < bestD) {
          best = { id, line };
          bestD = Math.abs(ly - y);
        }
      }
      return best;
    };
    const down = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const h = hit(localY(e));
      if (!h) return;
      e.stopPropagation();
      e.preventDefault();
      api.applyOptions({ handleScroll: false, handleScale: false });
      active = { ...h, price: String(h.line.options().price) };
      el.setPointerCapture?.(e.pointerId);
    };
    const move = (e: PointerEvent) => {
      const y = localY(e);
      if (!active) {
        el.style.cursor = hit(y) ? 'ns-resize' : '';
        return;
      }
      e.stopPropagation();
      const raw = s.coordinateToPrice(y);
      if (raw == null || !(raw > 0)) return;
      active.price = toWire(roundTo(new Dec(raw.toFixed(10)), live.current.tickSize));
      active.line.applyOptions({ price: Number(active.price) });
    };
    const up = () => {
      if (!active) return;
      const a = active;
      active = null;
      api.applyOptions({ handleScroll: true, handleScale: true });
      live.current.onDrag(a.id, a.price);
    };
    const stopOthers = (e: Event) => active && e.stopPropagation();
    const handlers: [string, EventListener][] = [
      ['pointerdown', down as EventListener],
      ['pointermove', move as EventListener],
      ['pointerup', up],
      ['mousedown', stopOthers],
    ];
    for (const [t, fn] of handlers) el.addEventListener(t, fn, true);
    return () => {
      for (const [t, fn] of handlers) el.removeEventListener(t, fn, true);
      api.remove();
      chart.current = null;
      series.current = null;
      lineMap.clear();
    };
  }, [priceDecimals]);

  useEffect(() => {
    const api = chart.current;
    if (!api) return;
    const c = readChartColors();
    api.applyOptions(baseChartOptions(c, priceDecimals, false));
    series.current?.applyOptions({ upColor: c.up, downColor: c.down, wickUpColor: c.up, wickDownColor: c.down });
    for (const { line, spec } of priceLines.current.values()) line.applyOptions({ color: color(c, spec.tone) });
  }, [theme, priceDecimals]);

  useEffect(() => {
    series.current?.setData(candles.map((k) => ({ time: (k.t / 1000) as UTCTimestamp, open: Number(k.open), high: Number(k.high), low: Number(k.low), close: Number(k.close) })));
    chart.current?.timeScale().fitContent();
  }, [candles, priceDecimals]);

  useEffect(() => {
    const c = readChartColors();
    const at = entryAt !== null && candles.length ? candles.reduce((best, k) => (k.t <= entryAt ? k.t : best), candles[0]!.t) : null;
    markers.current?.setMarkers(at !== null ? [{ time: (at / 1000) as UTCTimestamp, position: 'belowBar', shape: 'arrowUp', color: c.accent, text: 'entry time' }] : []);
  }, [entryAt, candles, theme]);

  useEffect(() => {
    const s = series.current;
    if (!s) return;
    const c = readChartColors();
    const map = priceLines.current;
    for (const [id, { line }] of map) {
      if (!lines.some((l) => l.id === id)) {
        s.removePriceLine(line);
        map.delete(id);
      }
    }
    for (const l of lines) {
      const opts = { price: Number(l.price), color: color(c, l.tone), title: l.label, lineWidth: 1 as const, lineStyle: l.draggable ? LineStyle.Solid : LineStyle.Dashed, axisLabelVisible: true };
      const have = map.get(l.id);
      if (have) {
        have.line.applyOptions(opts);
        map.set(l.id, { line: have.line, spec: l });
      } else {
        map.set(l.id, { line: s.createPriceLine(opts), spec: l });
      }
    }
    // The prices the chart was just told, so a bench (and a reader of the DOM) can see when a
    // keystroke reached the chart; lightweight-charts paints them in its next animation frame.
    if (box.current) box.current.dataset.lines = lines.map((l) => `${l.id}:${l.price}`).join(' ');
  }, [lines, priceDecimals, theme]);

  return (
    <div className="pl-chart-wrap">
      <div
        ref={box}
        className="pl-chart"
        role="img"
        aria-label={`Candles of the chosen window with the plan's levels: ${lines.map((l) => `${l.label} ${l.price}`).join(', ')}. Drag entry, stop and targets, or use their grips with the arrow keys; or type them in the fields.`}
        data-testid="planner-chart"
        data-candles={candles.length}
      />
      <ChartGrips lines={lines} series={series} priceLines={priceLines} tickSize={tickSize} fmtPrice={fmtPrice} onCommit={onDrag} />
    </div>
  );
}
