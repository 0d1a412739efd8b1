import { useCallback, useMemo, useState } from 'react';
import type { EstimateParams, HeatmapDetail, HeatmapSource } from '#shared/domain/heatmap';
import { DEFAULT_ESTIMATE } from '#shared/domain/heatmap';
import { useApi } from '../../api/context';
import { useSettings } from '../../app/settings-context';
import { Segmented } from '../../components/Segmented';
import { decimalsOf } from '../../components/format/decimal-text';
import { ReplayBar } from '../trade/replay/ReplayBar';
import { useReplay } from '../trade/replay/use-replay';
import { useTradingState } from '../trade/data/use-trading-state';
import { CumulativeMap, type SplitMode } from './CumulativeMap';
import { DetailView } from './DetailView';
import { EstimatePanel } from './EstimatePanel';
import { HeatmapCanvas } from './HeatmapCanvas';
import { exportCsv, exportPng } from './heatmap-export';
import { priceFormat, rampCss } from './heatmap-draw';
import type { OwnLine } from './heatmap-overlays';
import { useHeatmap, type HeatmapWindow } from './use-heatmap';

const BINS = 40;
const STOP_TYPES = new Set(['stopMarket', 'stopLimit', 'trailingStop']);

/**
 * The Heatmap view: where the crowd's and the trader's liquidations and stops sit, over replay
 * time (canvas) and at the cursor (cumulative map). Engine source = the simulation's ground truth;
 * Estimate = a model over the candles, labelled ESTIMATED with its parameters. data-testids are
 * listed in test/e2e/web/pages/heatmap-page.ts.
 */
export function HeatmapView() {
  const api = useApi();
  const { settings } = useSettings();
  const replay = useReplay();
  const { state } = useTradingState();
  const [source, setSource] = useState<HeatmapSource | 'auto'>('auto');
  const [zoom, setZoom] = useState<HeatmapWindow | null>(null);
  const [layers, setLayers] = useState({ long: true, short: true, stops: true });
  const [scale, setScale] = useState<'linear' | 'log'>('log');
  const [split, setSplit] = useState<SplitMode>('side');
  const [estimate, setEstimate] = useState<EstimateParams>(DEFAULT_ESTIMATE);
  const [size, setSize] = useState({ cols: 600, rows: 200 });
  const [cursor, setCursor] = useState<number | null>(null);
  const ids = { source: 'hm-source', scale: 'hm-scale', split: 'hm-split' };

  const query = useMemo(() => ({ source, window: zoom, layers, estimate, cols: size.cols, rows: size.rows, cursor, bins: BINS }), [source, zoom, layers, estimate, size, cursor]);
  const { grid, levels, dots, error } = useHeatmap(query);
  const market = state?.markets[0] ?? null;
  const priceDp = decimalsOf(market?.spec.tickSize ?? '0.1');
  const qtyDp = decimalsOf(market?.spec.stepSize ?? '0.001');
  const resolved = grid?.source ?? levels?.source ?? null;

  // The trader's lines keep their identity while their content does not change: the trading state
  // (hence openOrders) is new on every tick, and a new array would redraw the canvas each time. So
  // they are memoised on their content, written as text (kind, price, label per line).
  const ownKey = [
    ...(levels?.own ?? []).filter((o) => o.liquidationPrice).map((o) => `liquidation\t${o.liquidationPrice}\tYour liq. ${o.side} ${grouped(Number(o.liquidationPrice), priceDp)}`),
    ...(state?.openOrders ?? []).filter((o) => STOP_TYPES.has(o.type) && o.triggerPrice).map((o) => `stop\t${o.triggerPrice}\tYour stop ${grouped(Number(o.triggerPrice), priceDp)}`),
  ].join('\n');
  const ownLines = useMemo<OwnLine[]>(
    () =>
      ownKey === ''
        ? []
        : ownKey.split('\n').map((row) => {
            const [kind, price, label] = row.split('\t') as ['liquidation' | 'stop', string, string];
            return { kind, price: Number(price), label };
          }),
    [ownKey],
  );
  const rampBackground = useMemo(() => rampCss(settings.theme !== 'light'), [settings.theme]);
  const renderCell = useCallback((d: HeatmapDetail) => <DetailView d={d} priceDp={priceDp} qtyDp={qtyDp} title="Cell" />, [priceDp, qtyDp]);
  const renderLevel = useCallback((d: HeatmapDetail) => <DetailView d={d} priceDp={priceDp} qtyDp={qtyDp} title="Level" />, [priceDp, qtyDp]);

  const onSize = useCallback((cols: number, rows: number) => setSize((s) => (s.cols === cols && s.rows === rows ? s : { cols, rows })), []);
  const hoverCell = useCallback(
    async (t: number, p0: number, p1: number) => {
      const r = await api.call('heatmap.detail', { source, t: Math.round(t), priceFrom: Math.max(0, p0), priceTo: Math.max(p1, 1e-9), estimate });
      return r.ok ? r.value : null;
    },
    [api, source, estimate],
  );
  const hoverLevel = useCallback(
    async (level: number) => {
      const r = await api.call('heatmap.detail', { source, bins: BINS, level, estimate, ...(cursor !== null ? { t: cursor } : {}) });
      return r.ok ? r.value : null;
    },
    [api, source, estimate, cursor],
  );
  const stamp = levels ? levels.at.replace(/[:.]/g, '-') : 'heatmap';

  return (
    <div className="heatmap" data-testid="heatmap-view" data-source={resolved ?? ''}>
      <header className="hm-toolbar">
        <h1>Heatmap</h1>
        <span id={ids.source} className="sr-only">
          Source
        </span>
        <Segmented
          labelledBy={ids.source}
          testId="heatmap-source"
          value={source}
          onChange={setSource}
          options={[
            { value: 'auto', label: 'Auto' },
            { value: 'engine', label: 'Engine' },
            { value: 'estimate', label: 'Estimate' },
          ]}
        />
        <span className={`hm-badge hm-badge-${resolved ?? 'none'}`} data-testid="heatmap-source-label">
          {resolved === 'engine' ? 'ENGINE · exact' : resolved === 'estimate' ? 'ESTIMATED' : '—'}
        </span>
        <fieldset className="hm-layers" aria-label="Layers">
          {(['long', 'short', 'stops'] as const).map((k) => (
            <label key={k}>
              <input type="checkbox" checked={layers[k]} onChange={(e) => setLayers({ ...layers, [k]: e.target.checked })} data-testid={`heatmap-layer-${k}`} />
              {k === 'long' ? 'Longs' : k === 'short' ? 'Shorts' : 'Stops'}
            </label>
          ))}
        </fieldset>
        <span id={ids.scale} className="sr-only">
          Colour scale
        </span>
        <Segmented labelledBy={ids.scale} testId="heatmap-scale" value={scale} onChange={setScale} options={[{ value: 'log', label: 'Log' }, { value: 'linear', label: 'Linear' }]} />
        <span className="hm-spacer" />
        <button type="button" className="hm-btn" onClick={() => setZoom(null)} disabled={zoom === null} data-testid="heatmap-reset-zoom">
          Reset zoom
        </button>
        <button type="button" className="hm-btn" onClick={() => setCursor(null)} disabled={cursor === null} data-testid="heatmap-follow-clock">
          Follow clock
        </button>
        <button type="button" className="hm-btn" onClick={() => exportPng(`levdesk-heatmap-${stamp}.png`)} data-testid="heatmap-export-png" title="Export the heatmap as PNG" aria-label="Export the heatmap as PNG">
          PNG
        </button>
        <button type="button" className="hm-btn" onClick={() => exportCsv(levels, `levdesk-levels-${stamp}.csv`)} data-testid="heatmap-export-csv" title="Export the levels at the cursor as CSV (exact decimals)" aria-label="Export the levels at the cursor as CSV">
          CSV
        </button>
      </header>
      <ReplayBar replay={replay} onHelp={() => undefined} />
      {/* One row for the notes, whether there are any: the body always gets the flexible row. */}
      <div className="hm-notes">
        {grid && grid.history !== 'complete' && (
          <p className="hm-history" role="status" data-testid="heatmap-history" data-history={grid.history}>
            {grid.history === 'rebuilding'
              ? 'Rebuilding the history before the workspace was reopened from the session log…'
              : `History starts at ${grid.historyFrom !== null ? new Date(grid.historyFrom).toISOString().replace('T', ' ').slice(0, 19) : 'the resume'}: the session's earlier past could not be rebuilt.`}
          </p>
        )}
        {error && (
          <p className="hm-error" role="status" data-testid="heatmap-error">
            {error}
          </p>
        )}
      </div>
      <div className="hm-body">
        <div className="hm-main panel">
          <HeatmapCanvas
            grid={grid}
            dots={dots}
            ownLines={ownLines}
            cursor={cursor}
            scale={scale}
            theme={settings.theme}
            decimals={Math.min(priceDp, 1)}
            onSize={onSize}
            onCursor={setCursor}
            onWindow={setZoom}
            hover={hoverCell}
            renderDetail={renderCell}
          />
          <ul className="hm-own" aria-label="Your lines" data-testid="heatmap-own-lines">
            {ownLines.map((l) => (
              <li key={`${l.kind}${l.price}`} data-testid="heatmap-own-line" data-kind={l.kind} data-price={l.price} className={`hm-own-${l.kind}`}>
                {l.label}
              </li>
            ))}
            <li className="faint">Line: last · dashed: mark · dots: realised liquidations ({dots.length})</li>
            <li className="faint hm-colour-key" data-testid="heatmap-colour-key">
              <span title={scale === 'log' ? 'Colour: notional per cell on a log scale over four decades below the hottest cell' : 'Colour: notional per cell, linear up to the hottest cell'}>Notional per cell ({scale})</span>
              <span className="hm-ramp" style={{ background: rampBackground }} aria-hidden="true" />
            </li>
          </ul>
        </div>
        <aside className="hm-side panel">
          <h2 className="panel-title">
            Cumulative map at <span data-testid="heatmap-cursor-time">{levels ? levels.at.replace('T', ' ').slice(0, 19) : '—'}</span>
            {cursor === null ? ' (clock)' : ''}
          </h2>
          <span id={ids.split} className="sr-only">
            Split bars by
          </span>
          <div className="hm-side-tools">
            <Segmented
              labelledBy={ids.split}
              testId="heatmap-split"
              value={split}
              onChange={setSplit}
              options={[
                { value: 'side', label: 'Side' },
                { value: 'leverage', label: 'Leverage' },
                { value: 'mode', label: 'Margin mode' },
              ]}
            />
          </div>
          <CumulativeMap levels={levels} split={split} showStops={layers.stops} priceDp={priceDp} hover={hoverLevel} renderDetail={renderLevel} />
          {resolved === 'estimate' && <EstimatePanel value={estimate} onChange={setEstimate} />}
        </aside>
      </div>
    </div>
  );
}

/** A price as the axes print it: thousands separated. */
function grouped(p: number, dp: number): string {
  return priceFormat(dp).format(p);
}
