import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { SeriesInfo } from '#shared/domain/market-series';
import { INTERVAL_MS, seriesLabel } from '#shared/domain/market-series';
import type { Output } from '#shared/ipc/contract';
import { useApi } from '../../api/context';
import { useSettings } from '../../app/settings-context';
import { CandleChart } from '../../components/chart/CandleChart';
import { ConfirmDialog } from '../../components/dialog/ConfirmDialog';
import { Coverage } from './Coverage';
import { coverageWindows, type CoverageWindow } from './coverage-windows';
import { KIND_LABEL, count, coverageEnd, decimalsOf, utc, utcDay } from './data-format';
import { ScenarioFromSeries } from './ScenarioFromSeries';
import { initialForm, utcText, type SeriesScenarioForm } from './series-scenario';
import type { MarketHoldings } from './use-market';

/** Where the Series tab sends the trader in the Scenarios tab: a draft to edit, or a saved one to show. */
export type ScenarioRequest = { readonly json: string } | { readonly select: string };

type Bars = Output<'market.bars'>;

/** The stored series, the selected one's candles and its coverage (range, rows, every gap). */
export function SeriesTab({ holdings, onScenario }: { holdings: MarketHoldings; onScenario: (r: ScenarioRequest) => void }) {
  const api = useApi();
  const { settings } = useSettings();
  const [selected, setSelected] = useState<number | null>(holdings.series[0]?.id ?? null);
  const [bars, setBars] = useState<{ id: number; value: Bars } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SeriesInfo | null>(null);
  const series = holdings.series.find((s) => s.id === selected) ?? holdings.series[0] ?? null;
  const windows = useMemo(() => (series ? coverageWindows(series).windows : []), [series]);
  const [windowChoice, setWindowChoice] = useState<{ id: number; index: number } | null>(null);
  const windowIndex = series && windowChoice?.id === series.id ? windowChoice.index : defaultWindow(windows);
  const win = windows.length > 1 ? (windows[windowIndex] ?? null) : null;
  const [draft, setDraft] = useState<{ id: number; form: SeriesScenarioForm; picking: 'start' | 'end' } | null>(null);
  const form = draft && series && draft.id === series.id ? draft : null;
  const startDraft = (): void => {
    if (!series || series.from === null || series.to === null) return;
    const step = INTERVAL_MS[series.interval];
    const w = win ?? windows[defaultWindow(windows)] ?? { from: series.from, to: series.to + step };
    const stored = holdings.funding.some((f) => f.venue === series.venue && f.symbol === series.symbol);
    setDraft({ id: series.id, form: initialForm(series, w.from, Math.min(w.to, w.from + 250_000 * step), stored), picking: 'start' });
  };
  // A click on the chart sets the window's start, then its end, then the start again.
  const pick = (t: number): void => {
    if (!form || !series) return;
    const text = utcText(form.picking === 'start' ? t : t + INTERVAL_MS[bars?.id === series.id ? bars.value.interval : series.interval]);
    setDraft({ ...form, form: { ...form.form, [form.picking]: text }, picking: form.picking === 'start' ? 'end' : 'start' });
  };

  useEffect(() => {
    if (!series) return;
    let live = true;
    const range = win ? { from: win.from, to: win.to } : {};
    void api.call('market.bars', { seriesId: series.id, maxBars: 1500, ...range }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setBars({ id: series.id, value: r.value });
        setError(null);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, series, win]);

  if (holdings.series.length === 0) {
    return (
      <p className="dv-empty" data-testid="series-empty">
        No candles are stored yet. The embedded data set loads into a new workspace on first start; otherwise import exchange files on the Import tab.
      </p>
    );
  }
  const shown = bars && series && bars.id === series.id ? bars.value : null;
  return (
    <div className="dv-series">
      <section className="dv-list card" aria-labelledby="dv-series-title">
        <h2 id="dv-series-title">Candle series</h2>
        <div className="dv-rows" role="listbox" aria-label="Stored candle series" data-testid="series-list" onKeyDown={moveFocus}>
          {holdings.series.map((s) => (
            <SeriesRow key={s.id} s={s} active={s.id === series?.id} onSelect={() => setSelected(s.id)} />
          ))}
        </div>
        <h2>Funding rates</h2>
        <ul className="dv-facts" data-testid="funding-list">
          {holdings.funding.length === 0 && <li className="faint">None stored</li>}
          {holdings.funding.map((f) => (
            <li key={`${f.venue}-${f.symbol}`}>
              <b>{f.venue}</b> {f.symbol} · {count(f.rows)} settlements · {utcDay(f.from)} → {utcDay(f.to)}
              {f.origin === 'default' && <span className="dv-tag">embedded</span>}
            </li>
          ))}
        </ul>
        {holdings.depth.length > 0 && (
          <>
            <h2>Order-book depth</h2>
            <ul className="dv-facts">
              {holdings.depth.map((d) => (
                <li key={`${d.venue}-${d.symbol}`}>
                  <b>{d.venue}</b> {d.symbol} · {count(d.snapshots)} snapshots · {utc(d.from)} → {utc(d.to)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {series && (
        <section className="dv-detail card" aria-labelledby="dv-chart-title" data-testid="series-detail" data-series={seriesLabel(series)}>
          <header className="dv-detail-head">
            <h2 id="dv-chart-title">
              {series.venue} {series.symbol} <span className="faint">{series.interval} · {KIND_LABEL[series.kind]}</span>
            </h2>
            {windows.length > 1 && (
              <label className="dv-window">
                <span className="faint">Window</span>
                <select value={windowIndex} onChange={(e) => setWindowChoice({ id: series.id, index: Number(e.target.value) })} data-testid="series-window">
                  {windows.map((w, i) => (
                    <option key={w.from} value={i}>
                      {utc(w.from)} → {utc(w.to)} ({count(w.candles)})
                    </option>
                  ))}
                  <option value={-1}>The whole series (gaps closed up)</option>
                </select>
              </label>
            )}
            {shown && (
              <span className="faint" data-testid="chart-interval">
                {count(shown.candles.length)} bars of {shown.interval}
                {shown.aggregated && ` (aggregated from ${series.interval})`}
              </span>
            )}
            {series.kind === 'trade' && (
              <button type="button" className="dv-btn" onClick={startDraft} aria-expanded={form != null} data-testid="series-new-scenario">
                New scenario from this series
              </button>
            )}
            <button type="button" className="dv-btn ghost" onClick={() => setDeleting(series)} data-testid="series-delete">
              Delete…
            </button>
          </header>
          {error && (
            <p className="dv-error" role="alert">
              {error}
            </p>
          )}
          <div className="dv-chart">
            {shown && (
              <CandleChart
                candles={shown.candles}
                priceDecimals={Math.min(decimalsOf(shown.candles[0]?.close), series.kind === 'premium' ? 8 : 2)}
                theme={settings.theme}
                label={`Candles of ${seriesLabel(series)} from ${utc(series.from)} to ${utc(coverageEnd(series.to, series.interval))} UTC`}
                testId="series-chart"
                onPick={form ? pick : undefined}
                picks={form ? picksOf(form.form) : undefined}
              />
            )}
          </div>
          <Coverage series={series} />
        </section>
      )}
      {series && form && (
        <ScenarioFromSeries
          series={series}
          form={form.form}
          onForm={(f) => setDraft({ ...form, form: f })}
          picking={form.picking}
          onOpenInEditor={(json) => onScenario({ json })}
          onShowSaved={(id) => onScenario({ select: id })}
          onClose={() => setDraft(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${seriesLabel(deleting)}?`}
          confirmLabel="Delete the series"
          tone="danger"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            void api.call('market.deleteSeries', { seriesId: deleting.id });
            setDeleting(null);
            setSelected(null);
          }}
        >
          {count(deleting.rows)} candles will be removed from the workspace. Scenarios that replay them will need them imported again.
        </ConfirmDialog>
      )}
    </div>
  );
}

function SeriesRow({ s, active, onSelect }: { s: SeriesInfo; active: boolean; onSelect: () => void }) {
  return (
    <button
      type="button"
      role="option"
      aria-selected={active}
      className="dv-row"
      onClick={onSelect}
      data-testid={`series-${s.venue}-${s.symbol}-${s.interval}-${s.kind}`}
    >
      <span className="dv-row-main">
        <b>{s.symbol}</b> <span>{s.venue}</span> <span className="dv-chip">{s.interval}</span> <span className="dv-chip">{s.kind}</span>
        {s.origin === 'default' && <span className="dv-tag">embedded</span>}
      </span>
      <span className="dv-row-sub num">
        {utc(s.from)} → {utc(coverageEnd(s.to, s.interval))} · {count(s.rows)} candles
        <GapNote s={s} />
      </span>
    </button>
  );
}

/** Up and Down move between the series (and select), as in a listbox. */
function moveFocus(e: KeyboardEvent<HTMLDivElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const options = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="option"]')];
  const at = options.indexOf(document.activeElement as HTMLButtonElement);
  const next = options[Math.max(0, Math.min(options.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
  if (!next) return;
  e.preventDefault();
  next.focus();
  next.click();
}

/** The longest window, the latest among equals. */
function defaultWindow(ws: readonly CoverageWindow[]): number {
  let best = -1;
  ws.forEach((w, i) => {
    if (best < 0 || w.candles >= ws[best]!.candles) best = i;
  });
  return best;
}

/** The picked window's ends as chart marks (times typed by hand that do not parse are left out). */
function picksOf(f: SeriesScenarioForm): { t: number; label: string }[] {
  const out: { t: number; label: string }[] = [];
  const a = Date.parse(`${f.start.trim().replace(' ', 'T')}:00Z`);
  const b = Date.parse(`${f.end.trim().replace(' ', 'T')}:00Z`);
  if (!Number.isNaN(a)) out.push({ t: a, label: 'Start' });
  if (!Number.isNaN(b)) out.push({ t: b, label: 'End' });
  return out;
}

/** "2 windows", "1 hole", "no gaps": the list says which kind of gap a series has. */
function GapNote({ s }: { s: SeriesInfo }) {
  if (s.gapCount === 0) return <span className="ok"> · no gaps</span>;
  const c = coverageWindows(s);
  if (c.windows.length === 0) return <span className="warn"> · {count(s.gapCount)} gap{s.gapCount === 1 ? '' : 's'}</span>;
  return (
    <>
      {c.windows.length > 1 && <span> · {c.windows.length} windows</span>}
      {c.holes.length > 0 ? <span className="warn"> · {c.holes.length} hole{c.holes.length === 1 ? '' : 's'}</span> : <span className="ok"> · no holes</span>}
    </>
  );
}
