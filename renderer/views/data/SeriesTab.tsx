import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Gap, SeriesInfo } from '#shared/domain/market-series';
import { INTERVAL_MS, seriesLabel } from '#shared/domain/market-series';
import type { Output } from '#shared/ipc/contract';
import { useApi } from '../../api/context';
import { useSettings } from '../../app/settings-context';
import { CandleChart } from '../../components/chart/CandleChart';
import { ConfirmDialog } from '../../components/dialog/ConfirmDialog';
import { KIND_LABEL, count, coverageEnd, decimalsOf, utc, utcDay } from './data-format';
import type { MarketHoldings } from './use-market';

type Bars = Output<'market.bars'>;

/** The stored series, the selected one's candles and its coverage (range, rows, every gap). */
export function SeriesTab({ holdings }: { holdings: MarketHoldings }) {
  const api = useApi();
  const { settings } = useSettings();
  const [selected, setSelected] = useState<number | null>(holdings.series[0]?.id ?? null);
  const [bars, setBars] = useState<{ id: number; value: Bars } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SeriesInfo | null>(null);
  const series = holdings.series.find((s) => s.id === selected) ?? holdings.series[0] ?? null;
  const windows = useMemo(() => (series ? segments(series) : []), [series]);
  const [windowChoice, setWindowChoice] = useState<{ id: number; index: number } | null>(null);
  const windowIndex = series && windowChoice?.id === series.id ? windowChoice.index : defaultWindow(windows);
  const win = windows[windowIndex] ?? null;

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
              />
            )}
          </div>
          <Coverage series={series} />
        </section>
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
        {s.gapCount > 0 ? <span className="warn"> · {s.gapCount} gap{s.gapCount === 1 ? '' : 's'}</span> : <span className="ok"> · no gaps</span>}
      </span>
    </button>
  );
}

function Coverage({ series }: { series: SeriesInfo }) {
  const api = useApi();
  const [all, setAll] = useState<{ id: number; gaps: Gap[] } | null>(null);
  const gaps = all && all.id === series.id ? all.gaps : series.gaps;
  return (
    <div className="dv-coverage" data-testid="coverage">
      <dl className="dv-dl">
        <dt>From</dt>
        <dd className="num">{utc(series.from)} UTC</dd>
        <dt>To</dt>
        <dd className="num">{utc(coverageEnd(series.to, series.interval))} UTC</dd>
        <dt>Candles</dt>
        <dd className="num">{count(series.rows)}</dd>
        <dt>Gaps</dt>
        <dd className="num" data-testid="coverage-gaps">
          {series.gapCount === 0 ? 'none' : `${count(series.gapCount)} (${count(series.missing)} candles missing)`}
        </dd>
      </dl>
      {series.gapCount > 0 && (
        <ul className="dv-gaps num" aria-label="Gaps in the series">
          {gaps.map((g) => (
            <li key={g.from}>
              {utc(g.from)} → {utc(g.to)} <span className="faint">({count(g.missing)} missing)</span>
            </li>
          ))}
          {gaps.length < series.gapCount && (
            <li>
              <button
                type="button"
                className="dv-link"
                onClick={() => void api.call('market.gaps', { seriesId: series.id, limit: 10_000 }).then((r) => r.ok && setAll({ id: series.id, gaps: r.value.gaps }))}
              >
                Show all {count(series.gapCount)} gaps
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
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

interface Segment {
  readonly from: number;
  /** Exclusive: the close of the segment's last candle. */
  readonly to: number;
  readonly candles: number;
}

/**
 * The unbroken runs of a series between its gaps: a chart draws candles side by side, so two
 * windows five years apart would sit next to each other. Known only when every gap is listed.
 */
function segments(s: SeriesInfo): Segment[] {
  if (s.from === null || s.to === null || s.gapCount === 0 || s.gaps.length < s.gapCount) return [];
  const step = INTERVAL_MS[s.interval];
  const out: Segment[] = [];
  let start = s.from;
  for (const g of s.gaps) {
    out.push({ from: start, to: g.from, candles: (g.from - start) / step });
    start = g.to + step;
  }
  out.push({ from: start, to: s.to + step, candles: (s.to + step - start) / step });
  return out;
}

/** The longest run, the latest among equals. */
function defaultWindow(ws: readonly Segment[]): number {
  let best = -1;
  ws.forEach((w, i) => {
    if (best < 0 || w.candles >= ws[best]!.candles) best = i;
  });
  return best;
}
