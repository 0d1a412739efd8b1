import { useEffect, useState } from 'react';
import type { JournalFilter, JournalStats, SplitRow } from '#shared/journal/journal-stats';
import { useApi } from '../../api/context';
import { ConvertControl } from './ConvertControl';
import { EquityChart, ExcursionScatter, PnlCalendar, RHistogram, WeekHourHeatmap } from './stats-charts';
import { duration, num, pct } from './use-journal';

function Kpi(props: { label: string; value: string; testId: string; title?: string }) {
  return (
    <div className="jv-kpi" title={props.title}>
      <span className="faint">{props.label}</span>
      <strong className="num" data-testid={props.testId}>
        {props.value}
      </strong>
    </div>
  );
}

function SplitTable({ title, rows }: { title: string; rows: SplitRow[] }) {
  return (
    <table className="jv-split">
      <caption>{title}</caption>
      <thead>
        <tr><th>{title}</th><th>Trips</th><th>Win rate</th><th>Net</th><th>Avg R</th></tr>
      </thead>
      <tbody>
        {rows.slice(0, 12).map((r) => (
          <tr key={r.key}>
            <td>{r.key}</td><td className="num">{r.count}</td><td className="num">{pct(r.winRate)}</td>
            <td className={`num ${r.net >= 0 ? 'up' : 'down'}`}>{num(r.net)}</td><td className="num">{num(r.avgR)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The statistics traders use, for the filtered trips in one settlement asset (floats: analytics, not a ledger). */
export function StatsTab(props: { filter: JournalFilter; version: number; convertTo: string | undefined; onConvert: (q: string | undefined) => void }) {
  const api = useApi();
  const [stats, setStats] = useState<JournalStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(props.filter);
  useEffect(() => {
    let live = true;
    void api.call('journal.stats', { filter: JSON.parse(key) as JournalFilter, ...(props.convertTo ? { convertTo: props.convertTo } : {}) }).then((r) => {
      if (!live) return;
      if (r.ok) setStats(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, key, props.version, props.convertTo]);
  if (error) return <p role="alert">{error}</p>;
  if (!stats) return <p className="faint">Computing…</p>;
  const a = stats.asset ?? '';
  const conv = stats.converted;
  return (
    <div className="jv-stats" data-testid="journal-stats" data-asset={a} data-converted={conv ? conv.quote : ''}>
      <div className="jv-row jv-stats-head">
        {conv ? (
          <p className="jv-converted" data-testid="journal-stats-converted">
            <strong>Converted to {conv.quote}</strong> at stored prices: {conv.trips} trips of every asset, each at the candle close at its close time
            {conv.missing.length > 0 && (
              <span className="warn" data-testid="journal-stats-missing">
                {' '}
                · left out, no stored price: {conv.missing.map((m) => `${m.trips} ${m.asset}`).join(', ')}
              </span>
            )}
            <span className="faint"> · {conv.note}</span>
          </p>
        ) : (
          <p className="faint">
            {stats.count} trips settled in <strong>{a || '—'}</strong>
            {stats.assets.length > 1 && ` (also ${stats.assets.filter((x) => x.asset !== a).map((x) => `${x.trips} in ${x.asset}`).join(', ')}: pick the asset above, or convert — assets are never added together otherwise)`} · computed in {stats.ms} ms
          </p>
        )}
        <ConvertControl value={props.convertTo} onChange={props.onConvert} />
      </div>
      <div className="jv-kpis">
        <Kpi label="Win rate" value={pct(stats.winRate)} testId="journal-kpi-winrate" title={`${stats.wins} wins, ${stats.losses} losses; ${stats.breakeven} break-even counted apart`} />
        <Kpi label="W / L / BE" value={`${stats.wins} / ${stats.losses} / ${stats.breakeven}`} testId="journal-kpi-wlb" />
        <Kpi label="Profit factor" value={num(stats.profitFactor)} testId="journal-kpi-pf" />
        <Kpi label={`Expectancy (${a})`} value={num(stats.expectancy, 4)} testId="journal-kpi-expectancy" />
        <Kpi label="Expectancy (R)" value={num(stats.expectancyR)} testId="journal-kpi-expectancy-r" title={`${stats.tripsWithR} trips with a planned stop`} />
        <Kpi label={`Net (${a})`} value={num(stats.totalNet, 4)} testId="journal-kpi-net" />
        <Kpi label="Max drawdown" value={`${num(stats.maxDrawdown.depth, 2)}`} testId="journal-kpi-dd" title={`Longest time under a peak: ${duration(stats.maxDrawdown.durationMs)}`} />
        <Kpi label="Under water, longest" value={duration(stats.maxDrawdown.durationMs)} testId="journal-kpi-dd-duration" />
      </div>
      <div className="jv-grid">
        <section className="card"><h3>Equity and drawdown</h3><EquityChart stats={stats} /></section>
        <section className="card"><h3>R distribution</h3><RHistogram stats={stats} /></section>
        <section className="card"><h3>MAE / MFE</h3><ExcursionScatter stats={stats} /></section>
        <section className="card"><h3>Daily net (UTC)</h3><PnlCalendar stats={stats} /><h3>Weekday × hour</h3><WeekHourHeatmap stats={stats} /></section>
      </div>
      <div className="jv-splits">
        <SplitTable title="Symbol" rows={stats.splits.symbol} />
        <SplitTable title="Side" rows={stats.splits.side} />
        <SplitTable title="Leverage" rows={stats.splits.leverage} />
        <SplitTable title="Margin mode" rows={stats.splits.marginMode} />
        <SplitTable title="Tag" rows={stats.splits.tag} />
        <SplitTable title="Setup" rows={stats.splits.setup} />
      </div>
    </div>
  );
}
