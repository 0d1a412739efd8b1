import {
  CandlestickSeries,
  HistogramSeries,
  LineSeries,
  LineStyle,
  createChart,
  createSeriesMarkers,
  type IChartApi,
  type AutoscaleInfo,
  type IPriceLine,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { ReplayBar } from '#shared/domain/market-replay';
import { dec, toWire } from '#shared/money/decimal';
import { wilderAtr } from '#shared/risk/atr';
import { chartNumber } from '../../../components/format/decimal-text';
import { chartOptions, withAlpha, type ChartColors } from './chart-theme';
import { ChartDrag, type DragHandlers } from './chart-drag';

export type PriceMode = 'last' | 'mark' | 'index';

export type LineKind = 'entry' | 'liquidation' | 'bankruptcy' | 'stop' | 'takeProfit' | 'order';

/** A horizontal level on the chart; stop and take-profit lines carry the order they amend. */
export interface ChartLine {
  readonly id: string;
  readonly kind: LineKind;
  readonly price: string;
  readonly label: string;
  readonly orderId?: number;
}

export interface ChartMarker {
  readonly t: number;
  readonly kind: 'buy' | 'sell' | 'funding' | 'liquidation' | 'crowdLiquidation' | 'adl';
  readonly text: string;
}

export interface ChartHandlers extends DragHandlers {
  onCrosshair(bar: ReplayBar | null): void;
  /** Pixel rows of the draggable lines (null: off the visible price range), after any change. */
  onLayout(ys: ReadonlyMap<string, number | null>): void;
}

const sec = (ms: number): UTCTimestamp => Math.floor(ms / 1000) as UTCTimestamp;

/**
 * Owns the lightweight-charts instance of the Trade view and everything drawn on it. Replay
 * frames go straight in here (series.update per touched bar), never through React state, which
 * is what keeps the chart at frame rate during a 600x replay.
 */
export class TradeChartController {
  private readonly chart: IChartApi;
  private readonly candles: ISeriesApi<'Candlestick'>;
  private readonly mark: ISeriesApi<'Line'>;
  private readonly index: ISeriesApi<'Line'>;
  private readonly volume: ISeriesApi<'Histogram'>;
  private readonly markers: Record<PriceMode, ISeriesMarkersPluginApi<Time>>;
  private readonly byTime = new Map<number, ReplayBar>();
  private volumes = new Map<number, string>();
  private lines = new Map<string, { line: IPriceLine; spec: ChartLine }>();
  private lineSpecs: readonly ChartLine[] = [];
  private markerSpecs: readonly ChartMarker[] = [];
  private mode: PriceMode = 'last';
  private colors: ChartColors;
  private barMs = 60_000;
  private layoutPending = false;
  private lineSignature = '';
  /** Open time of the forming (newest) bar. */
  private latestT = -Infinity;
  private readonly resize: ResizeObserver;
  readonly drag: ChartDrag;

  constructor(
    container: HTMLElement,
    colors: ChartColors,
    priceDp: number,
    private readonly handlers: ChartHandlers,
  ) {
    this.colors = colors;
    this.chart = createChart(container, chartOptions(colors, priceDp));
    this.candles = this.chart.addSeries(CandlestickSeries, { priceLineVisible: true, lastValueVisible: true });
    this.mark = this.chart.addSeries(LineSeries, { lineWidth: 2, visible: false, priceLineVisible: true });
    this.index = this.chart.addSeries(LineSeries, { lineWidth: 2, visible: false, priceLineVisible: true });
    this.volume = this.chart.addSeries(HistogramSeries, { priceScaleId: 'vol', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false });
    this.chart.priceScale('vol').applyOptions({ scaleMargins: { top: 0.84, bottom: 0 }, visible: false });
    this.markers = { last: createSeriesMarkers(this.candles, []), mark: createSeriesMarkers(this.mark, []), index: createSeriesMarkers(this.index, []) };
    for (const s of [this.candles, this.mark, this.index] as ISeriesApi<'Candlestick' | 'Line'>[]) {
      s.applyOptions({ autoscaleInfoProvider: (base: () => AutoscaleInfo | null) => this.autoscale(base()) });
    }
    this.applyColors();
    this.chart.subscribeCrosshairMove((p) => {
      const t = typeof p.time === 'number' ? p.time * 1000 : null;
      handlers.onCrosshair(t == null ? null : (this.byTime.get(t) ?? null));
    });
    this.drag = new ChartDrag(container, this.chart, () => this.main(), () => [...this.lines.values()], { ...handlers, onLineMoved: () => this.scheduleLayout() });
    this.chart.timeScale().subscribeVisibleLogicalRangeChange(() => this.scheduleLayout());
    // Scaling the price axis by dragging or wheeling moves the lines without any chart event.
    container.addEventListener('wheel', () => this.scheduleLayout(), { passive: true });
    container.addEventListener('pointermove', (e) => e.buttons && this.scheduleLayout());
    this.resize = new ResizeObserver(() => this.scheduleLayout());
    this.resize.observe(container);
  }

  destroy(): void {
    this.resize.disconnect();
    this.drag.destroy();
    this.chart.remove();
  }

  private paneHeight(): number {
    return this.chart.paneSize(0).height;
  }

  /**
   * The price axis takes in the position's entry, stop, take-profits and liquidation (within 30%
   * of the candles), so a trader sees how far the stop and the liquidation are, and can drag them.
   */
  private autoscale(info: AutoscaleInfo | null): AutoscaleInfo | null {
    const range = info?.priceRange;
    if (!info || !range) return info;
    let { minValue, maxValue } = range;
    const mid = (minValue + maxValue) / 2;
    for (const spec of this.lineSpecs) {
      if (spec.kind === 'bankruptcy' || spec.kind === 'order') continue;
      const p = chartNumber(spec.price);
      if (p == null || Math.abs(p - mid) / mid > 0.3) continue;
      minValue = Math.min(minValue, p);
      maxValue = Math.max(maxValue, p);
    }
    return { ...info, priceRange: { minValue, maxValue } };
  }

  /** Reports where the draggable lines sit, once per animation frame at most. */
  scheduleLayout(): void {
    if (this.layoutPending) return;
    this.layoutPending = true;
    requestAnimationFrame(() => {
      this.layoutPending = false;
      const ys = new Map<string, number | null>();
      for (const [id, { line, spec }] of this.lines) {
        if (spec.kind !== 'stop' && spec.kind !== 'takeProfit') continue;
        const y = this.main().priceToCoordinate(line.options().price);
        ys.set(id, y != null && y >= 0 && y <= this.paneHeight() ? y : null);
      }
      this.handlers.onLayout(ys);
    });
  }

  private main(): ISeriesApi<'Candlestick'> | ISeriesApi<'Line'> {
    return this.mode === 'last' ? this.candles : this.mode === 'mark' ? this.mark : this.index;
  }

  private applyColors(): void {
    const c = this.colors;
    this.candles.applyOptions({ upColor: c.up, downColor: c.down, borderUpColor: c.up, borderDownColor: c.down, wickUpColor: c.up, wickDownColor: c.down });
    this.mark.applyOptions({ color: c.warn });
    this.index.applyOptions({ color: c.accent });
  }

  setTheme(colors: ChartColors, priceDp: number): void {
    this.colors = colors;
    this.chart.applyOptions(chartOptions(colors, priceDp));
    this.applyColors();
    this.setVolumeData();
    this.setLines(this.lineSpecs, true);
    this.setMarkers(this.markerSpecs);
  }

  setMode(mode: PriceMode): void {
    if (mode === this.mode) return;
    this.markers[this.mode].setMarkers([]);
    this.mode = mode;
    this.candles.applyOptions({ visible: mode === 'last' });
    this.mark.applyOptions({ visible: mode === 'mark' });
    this.index.applyOptions({ visible: mode === 'index' });
    this.setLines(this.lineSpecs, true);
    this.setMarkers(this.markerSpecs);
  }

  setBarInterval(ms: number): void {
    this.barMs = ms;
  }

  /** Every bar so far (a load, a seek back, or a frame that asked for a reset). */
  setBars(bars: readonly ReplayBar[]): void {
    this.byTime.clear();
    this.latestT = -Infinity;
    for (const b of bars) {
      this.byTime.set(b.t, b);
      this.latestT = Math.max(this.latestT, b.t);
    }
    this.candles.setData(bars.map((b) => this.candle(b)));
    this.mark.setData(bars.map((b) => ({ time: sec(b.t), value: chartNumber(b.mark) ?? 0 })));
    this.index.setData(bars.map((b) => ({ time: sec(b.t), value: chartNumber(b.index) ?? 0 })));
    this.setVolumeData();
    this.setMarkers(this.markerSpecs);
    this.scheduleLayout();
  }

  /** Bars a frame touched: the forming bar and any that closed since the last frame. */
  updateBars(bars: readonly ReplayBar[]): void {
    for (const b of bars) {
      const newBar = b.t > this.latestT;
      this.byTime.set(b.t, b);
      this.candles.update(this.candle(b));
      this.mark.update({ time: sec(b.t), value: chartNumber(b.mark) ?? 0 });
      this.index.update({ time: sec(b.t), value: chartNumber(b.index) ?? 0 });
      if (newBar) {
        // The bar before closed: its volume is now history.
        const closed = this.byTime.get(this.latestT);
        const v = closed ? this.volumes.get(closed.t) : undefined;
        if (closed && v != null) this.volume.update(this.volumeBar(closed, v));
        this.latestT = b.t;
      }
    }
    // New bars can rescale the price axis under the lines.
    if (this.lines.size > 0) this.scheduleLayout();
  }

  /**
   * Real traded volume of a stored market by bar time. Only CLOSED bars get a volume bar: the
   * forming bar's stored volume is the whole minute's, most of it still in the future.
   */
  setVolumes(volumes: ReadonlyMap<number, string>): void {
    this.volumes = new Map(volumes);
    this.chart.priceScale('vol').applyOptions({ visible: false });
    this.setVolumeData();
  }

  private setVolumeData(): void {
    const data = [];
    for (const b of this.byTime.values()) {
      if (b.t >= this.latestT) continue;
      const v = this.volumes.get(b.t);
      if (v != null) data.push(this.volumeBar(b, v));
    }
    data.sort((a, b) => a.time - b.time);
    this.volume.setData(data);
  }

  private candle(b: ReplayBar) {
    return { time: sec(b.t), open: chartNumber(b.open) ?? 0, high: chartNumber(b.high) ?? 0, low: chartNumber(b.low) ?? 0, close: chartNumber(b.close) ?? 0 };
  }

  private volumeBar(b: ReplayBar, v: string) {
    const up = (chartNumber(b.close) ?? 0) >= (chartNumber(b.open) ?? 0);
    return { time: sec(b.t), value: chartNumber(v) ?? 0, color: withAlpha(up ? this.colors.up : this.colors.down, 0.35) };
  }

  /** Price lines are diffed by id: a replay frame that changes nothing touches nothing. */
  setLines(specs: readonly ChartLine[], force = false): void {
    this.lineSpecs = specs;
    const series = this.main();
    if (force) {
      for (const { line } of this.lines.values()) {
        for (const s of [this.candles, this.mark, this.index] as ISeriesApi<'Candlestick' | 'Line'>[]) {
          try {
            s.removePriceLine(line);
          } catch {
            // The line belonged to another series; removing it there is a no-op by design.
          }
        }
      }
      this.lines.clear();
    }
    const keep = new Set(specs.map((s) => s.id));
    for (const [id, { line }] of this.lines) {
      if (!keep.has(id)) {
        series.removePriceLine(line);
        this.lines.delete(id);
      }
    }
    for (const spec of specs) {
      const price = chartNumber(spec.price);
      if (price == null) continue;
      const existing = this.lines.get(spec.id);
      if (existing && this.drag.activeId === spec.id) continue;
      const options = { price, title: spec.label, ...this.lineStyle(spec.kind) };
      if (existing) {
        // Compared with where the line IS, so a refused drag snaps back to the order's price.
        if (existing.line.options().price !== price || existing.spec.label !== spec.label) existing.line.applyOptions(options);
        existing.spec = spec;
      } else {
        this.lines.set(spec.id, { line: series.createPriceLine({ ...options, axisLabelVisible: true }), spec });
      }
    }
    // The axis takes the levels in (autoscale): re-fit when a level moved, not on every push.
    const signature = specs.map((l) => `${l.id}=${l.price}`).join('|');
    if (signature !== this.lineSignature) {
      this.lineSignature = signature;
      series.priceScale().applyOptions({ autoScale: true });
    }
    this.scheduleLayout();
  }

  private lineStyle(kind: LineKind): { color: string; lineStyle: LineStyle; lineWidth: 1 | 2 } {
    const c = this.colors;
    switch (kind) {
      case 'entry':
        return { color: c.accent, lineStyle: LineStyle.Solid, lineWidth: 1 };
      case 'liquidation':
        return { color: c.warn, lineStyle: LineStyle.Solid, lineWidth: 2 };
      case 'bankruptcy':
        return { color: c.down, lineStyle: LineStyle.Dotted, lineWidth: 1 };
      case 'stop':
        return { color: c.down, lineStyle: LineStyle.Dashed, lineWidth: 2 };
      case 'takeProfit':
        return { color: c.up, lineStyle: LineStyle.Dashed, lineWidth: 2 };
      case 'order':
        return { color: c.faint, lineStyle: LineStyle.LargeDashed, lineWidth: 1 };
      default: {
        const never: never = kind;
        throw new Error(`unknown line ${String(never)}`);
      }
    }
  }

  setMarkers(specs: readonly ChartMarker[]): void {
    this.markerSpecs = specs;
    const c = this.colors;
    const out: SeriesMarker<Time>[] = specs
      .filter((m) => this.byTime.size === 0 || m.t <= this.lastBarEnd())
      .map((m) => {
        const time = sec(Math.floor(m.t / this.barMs) * this.barMs);
        switch (m.kind) {
          case 'buy':
            return { time, position: 'belowBar', shape: 'arrowUp', color: c.up, text: m.text };
          case 'sell':
            return { time, position: 'aboveBar', shape: 'arrowDown', color: c.down, text: m.text };
          case 'funding':
            return { time, position: 'belowBar', shape: 'circle', color: c.accent, text: m.text };
          case 'liquidation':
            return { time, position: 'aboveBar', shape: 'square', color: c.down, text: m.text };
          case 'crowdLiquidation':
            return { time, position: 'aboveBar', shape: 'circle', color: c.warn, text: m.text };
          case 'adl':
            return { time, position: 'aboveBar', shape: 'square', color: c.warn, text: m.text };
          default: {
            const never: never = m.kind;
            throw new Error(`unknown marker ${String(never)}`);
          }
        }
      });
    out.sort((a, b) => (a.time as number) - (b.time as number));
    this.markers[this.mode].setMarkers(out);
  }

  private lastBarEnd(): number {
    let max = -Infinity;
    for (const t of this.byTime.keys()) if (t > max) max = t;
    return max + this.barMs;
  }

  get barCount(): number {
    return this.byTime.size;
  }

  /**
   * Wilder ATR(n) of the closed bars (the forming one left out), exact in decimal.js from the
   * bars' strings: the ticket shows the distance to liquidation in ATRs.
   */
  atr(n = 14): string | null {
    const closed = [...this.byTime.values()].sort((a, b) => a.t - b.t).slice(0, -1).slice(-(n * 4));
    if (closed.length < n) return null;
    const series = wilderAtr(
      closed.map((b) => ({ high: dec(b.high), low: dec(b.low), close: dec(b.close) })),
      n,
    );
    const last = series[series.length - 1];
    return last ? toWire(last.toSignificantDigits(12)) : null;
  }

  /**
   * Shows the loaded bars: all of them when there are enough to fill the width, otherwise a
   * steady 8 px per bar from the right edge, so the first bars of a replay are not drawn a
   * hundred pixels wide and then shrink as the replay goes on.
   */
  /**
   * Frames the bars: a replay that has just begun shows its last 120 bars of history with room to
   * its right for what comes (as a bar replay does); a longer one fits everything.
   */
  fit(historyBars = 0): void {
    const ts = this.chart.timeScale();
    const n = this.byTime.size;
    if (historyBars > 0 && n - historyBars < 80) {
      ts.setVisibleLogicalRange({ from: Math.max(0, n - 120), to: n + 40 });
    } else if (n >= 80) {
      ts.fitContent();
    } else {
      ts.applyOptions({ barSpacing: 8 });
      ts.scrollToRealTime();
    }
  }
}
