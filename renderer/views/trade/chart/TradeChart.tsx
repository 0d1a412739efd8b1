import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { HistorySource, ReplayBar, ReplayFrame, ReplayScenarioInfo } from '#shared/domain/market-replay';
import { INTERVAL_MS } from '#shared/domain/market-series';
import type { Theme } from '#shared/domain/settings';
import { useApi } from '../../../api/context';
import { Segmented } from '../../../components/Segmented';
import { useFmt } from '../format';
import { useReplayFrames } from '../replay/use-replay';
import { TradeChartController, type ChartLine, type ChartMarker, type PriceMode } from './chart-controller';
import type { DragState } from './chart-drag';
import { readChartColors } from './chart-theme';
import { CrosshairReadout } from './CrosshairReadout';

export interface TradeChartProps {
  /** Identifies the loaded replay: a new value reloads every bar. */
  readonly replayKey: string | null;
  readonly barInterval: keyof typeof INTERVAL_MS | null;
  readonly tickSize: string;
  readonly theme: Theme;
  readonly lines: readonly ChartLine[];
  readonly markers: readonly ChartMarker[];
  readonly volumes: ReadonlyMap<number, string> | null;
  /** What dragging a line to `drag.price` would do (the new risk), shown beside the line. */
  readonly renderDragPreview: (drag: DragState) => ReactNode;
  /** Amends the order behind a dragged line; resolves with the refusal, if any. */
  readonly onAmend: (drag: DragState) => Promise<{ message: string } | null>;
  /** ATR(14) of the closed bars, recomputed when a bar closes. */
  readonly onAtr: (atr: string | null) => void;
  /** The bars drawn before the start and where they come from. */
  readonly history?: ReplayScenarioInfo['history'];
}

const HISTORY_TEXT: Record<HistorySource, string> = {
  stored: 'stored history',
  'stored-mark': 'stored mark-price history',
  'warm-up': 'modelled warm-up, not real data',
};

const MODES: { value: PriceMode; label: string }[] = [
  { value: 'last', label: 'Last' },
  { value: 'mark', label: 'Mark' },
  { value: 'index', label: 'Index' },
];

/**
 * The Trade chart: candles of the replayed last price (or the mark's or index's closes),
 * volume where the market has it, the position's levels as price lines (stop and take-profit
 * draggable), markers for fills, funding, liquidations and ADL, and a crosshair readout of the
 * bar's exact decimals.
 */
export function TradeChart(props: TradeChartProps) {
  const { replayKey, barInterval, tickSize, theme, lines, markers, volumes, renderDragPreview, onAmend, onAtr, history } = props;
  const api = useApi();
  const fmt = useFmt();
  const box = useRef<HTMLDivElement>(null);
  const ctl = useRef<TradeChartController | null>(null);
  const [mode, setMode] = useState<PriceMode>('last');
  const [hover, setHover] = useState<ReplayBar | null>(null);
  const [drag, setDrag] = useState<DragState | null>(null);
  const [latest, setLatest] = useState<ReplayBar | null>(null);
  const modeLabel = useId();
  const levelsId = useId();
  const live = useRef({ tickSize, onAmend, onAtr, lines });
  useEffect(() => {
    live.current = { tickSize, onAmend, onAtr, lines };
  }, [tickSize, onAmend, onAtr, lines]);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const barCount = useRef(0);
  const bars = useCallback((c: TradeChartController) => {
    if (c.barCount === barCount.current) return;
    barCount.current = c.barCount;
    // Written straight to the element: the count changes with the bars, not with React state.
    box.current?.setAttribute('data-bars', String(c.barCount));
    live.current.onAtr(c.atr());
  }, []);

  useEffect(() => {
    if (!box.current) return;
    const c = new TradeChartController(box.current, readChartColors(), fmt.priceDp, {
      onCrosshair: setHover,
      // Handles follow their lines by direct style writes: no React render per frame.
      onLayout: (ys) => {
        for (const [id, el] of handles.current) {
          const y = ys.get(id);
          el.style.visibility = y == null ? 'hidden' : '';
          if (y != null) el.style.top = `${y}px`;
        }
      },
      tickSize: () => live.current.tickSize,
      onDragPreview: setDrag,
      // Accepted: the line stays where it was dropped until the order's new state arrives.
      // Refused: it snaps back to the order's price.
      onDragEnd: (d) => void live.current.onAmend(d).then((refused) => refused && ctl.current?.setLines(live.current.lines)),
    });
    ctl.current = c;
    return () => {
      c.destroy();
      ctl.current = null;
    };
    // One chart for the life of the view; theme and precision are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    ctl.current?.setTheme(readChartColors(), fmt.priceDp);
  }, [theme, fmt.priceDp]);

  useEffect(() => {
    if (barInterval) ctl.current?.setBarInterval(INTERVAL_MS[barInterval]);
  }, [barInterval]);

  const historyCount = useRef(0);
  useEffect(() => {
    historyCount.current = history?.bars ?? 0;
  }, [history?.bars]);
  const reload = useCallback(async () => {
    const r = await api.call('replay.bars');
    if (!r.ok || !ctl.current) return;
    ctl.current.setBars(r.value.bars);
    ctl.current.fit(historyCount.current);
    bars(ctl.current);
    setLatest(r.value.bars[r.value.bars.length - 1] ?? null);
  }, [api, bars]);

  useEffect(() => {
    if (replayKey != null) void reload();
    else if (ctl.current) {
      ctl.current.setBars([]);
      bars(ctl.current);
    }
  }, [replayKey, reload, bars]);

  const onFrame = useCallback(
    (f: ReplayFrame) => {
      if (f.reset) {
        void reload();
        return;
      }
      if (!ctl.current) return;
      ctl.current.updateBars(f.bars);
      bars(ctl.current);
      const last = f.bars[f.bars.length - 1];
      if (last) setLatest(last);
    },
    [reload, bars],
  );
  useReplayFrames(onFrame);

  useEffect(() => ctl.current?.setMode(mode), [mode]);
  useEffect(() => ctl.current?.setLines(lines), [lines]);
  useEffect(() => ctl.current?.setMarkers(markers), [markers]);
  useEffect(() => {
    ctl.current?.setVolumes(volumes ?? new Map());
  }, [volumes]);

  return (
    <section className="chart-panel" aria-label="Price chart" aria-describedby={levelsId} data-testid="trade-chart">
      <div className="chart-toolbar">
        <span id={modeLabel} className="sr-only">
          Price shown
        </span>
        <Segmented<PriceMode> labelledBy={modeLabel} options={MODES} value={mode} onChange={setMode} testId="chart-mode" />
        <CrosshairReadout bar={hover ?? latest} live={hover == null} volume={hover && hover.t !== latest?.t ? (volumes?.get(hover.t) ?? null) : null} />
        {history && history.bars > 0 && (
          <span className={`chart-history${history.source === 'warm-up' ? ' modelled' : ''}`} data-testid="chart-history" data-source={history.source} title="Bars before the scenario's start: context for the chart, the engine never trades on them">
            Before the start: {history.bars} bars of {HISTORY_TEXT[history.source]}
          </span>
        )}
      </div>
      <div
        className="chart-box"
        ref={box}
        data-testid="chart-canvas"
        data-mode={mode}
        data-bars={0}
        // The canvas is opaque to tests and screen readers: say what is drawn on it.
        data-liquidation-markers={markers.filter((m) => m.kind === 'liquidation').length}
        data-markers={markers.length}
        data-lines={lines.map((l) => l.kind).join(' ')}
      >
        {lines
          .filter((l) => (l.kind === 'stop' || l.kind === 'takeProfit') && l.orderId != null)
          .map((l) => (
            <button
              key={l.id}
              type="button"
              ref={(el) => {
                if (el) handles.current.set(l.id, el);
                else handles.current.delete(l.id);
              }}
              className={`line-handle ${l.kind}`}
              style={{ visibility: 'hidden' }}
              data-testid={`chart-handle-${l.kind}`}
              data-order-id={l.orderId}
              aria-label={`${l.label} at ${fmt.price(l.price)}. Arrow keys move it a tick (Shift: ten ticks), Enter amends the order, Escape puts it back.`}
              onKeyDown={(e) => {
                const c = ctl.current;
                if (!c) return;
                const step = e.shiftKey ? 10 : 1;
                if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
                  e.preventDefault();
                  if (c.drag.startKeyboard(l.id)) c.drag.nudge(e.key === 'ArrowUp' ? step : -step);
                } else if (e.key === 'Enter') {
                  e.preventDefault();
                  c.drag.commit();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  c.drag.cancel();
                }
              }}
              onBlur={() => ctl.current?.drag.cancel()}
            >
              <span aria-hidden="true">⇕</span> {l.label}
            </button>
          ))}
        {drag && (
          <div className="drag-preview card" style={{ top: Math.max(4, drag.y - 70) }} role="status" data-testid="drag-preview">
            {renderDragPreview(drag)}
          </div>
        )}
      </div>
      {/* The canvas says nothing to a screen reader: the levels drawn on it, as text (not live:
          they move with every push and would drown the toasts out). */}
      <p className="sr-only" id={levelsId}>
        {lines.length > 0 ? `Levels on the chart: ${lines.map((l) => `${l.label} ${fmt.price(l.price)}`).join(', ')}.` : 'No position levels on the chart.'}
      </p>
    </section>
  );
}
