import { useEffect, useState } from 'react';
import type { Output } from '#shared/ipc/contract';
import { useApi } from '../../api/context';
import { Fan, Heatmap, Histogram } from './McCharts';
import { McFormFields } from './McFormFields';
import { list, MC_DEFAULT, mcModel, mcRebalance, mcRunLabel, type McForm } from './mc-form';

type Mc = Output<'decay.monteCarlo'>;
type Grid = Output<'decay.grid'>;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** N paths on worker threads (float64, seeded): distributions, P(below spot), P(liquidated), and the volatility × leverage grid. */
export function McTab() {
  const api = useApi();
  const [f, setF] = useState<McForm>(MC_DEFAULT);
  const [mc, setMc] = useState<Mc | null>(null);
  const [mcLabel, setMcLabel] = useState('');
  const [grid, setGrid] = useState<Grid | null>(null);
  const [running, setRunning] = useState<'monte-carlo' | 'grid' | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pick, setPick] = useState(0);
  useEffect(() => api.on('decay.progress', (p) => setProgress({ done: p.done, total: p.total })), [api]);
  const set = (patch: Partial<McForm>) => setF((x) => ({ ...x, ...patch }));

  const fees = { managementFeePerDay: Number(f.fee), fundingPerDay: Number(f.funding) };
  const failed = (e: { message: string; details?: { issues?: unknown } }) => {
    const issues = (e.details?.issues as { path: string; message: string }[] | undefined) ?? [];
    setError(issues.length ? issues.map((i) => `${i.path}: ${i.message}`).join('; ') : e.message);
  };

  const runMc = () => {
    setRunning('monte-carlo');
    setProgress(null);
    setError(null);
    const levs = list(f.leverages);
    const label = mcRunLabel(f);
    void api
      .call('decay.monteCarlo', {
        model: mcModel(f),
        days: Number(f.days),
        paths: Number(f.paths),
        seed: Number(f.seed),
        tokens: levs.map((leverage) => ({ leverage, rebalance: mcRebalance(f, leverage), fees })),
      })
      .then((r) => {
        setRunning(null);
        if (r.ok) {
          setMc(r.value);
          setMcLabel(label);
          setPick((p) => Math.min(p, r.value.perLeverage.length - 1));
        } else if (r.error.code !== 'CONFLICT') failed(r.error);
      });
  };
  const runGrid = () => {
    setRunning('grid');
    setProgress(null);
    setError(null);
    void api
      .call('decay.grid', { drift: Number(f.drift), volatilities: list(f.gridVols), leverages: list(f.gridLevs), days: Number(f.days), pathsPerCell: 4000, seed: Number(f.seed), fees })
      .then((r) => {
        setRunning(null);
        if (r.ok) setGrid(r.value);
        else if (r.error.code !== 'CONFLICT') failed(r.error);
      });
  };
  const cancel = () => void api.call('decay.cancel').then(() => setRunning(null));

  const field = (label: string, key: 'gridVols' | 'gridLevs', testId: string) => (
    <label className="dc-field wide">
      <span>{label}</span>
      <input value={f[key]} data-testid={testId} onChange={(e) => set({ [key]: e.target.value })} />
    </label>
  );

  return (
    <div className="dc-mc" data-testid="decay-mc">
      <McFormFields f={f} set={set} />
      <div className="dc-actions">
        <button type="button" className="btn-solid" data-testid="mc-run" disabled={running !== null} onClick={runMc}>
          Run Monte Carlo
        </button>
        <button type="button" className="btn-ghost" data-testid="mc-cancel" disabled={running === null} onClick={cancel}>
          Cancel
        </button>
        {running && (
          <span className="dc-progress" data-testid="mc-progress">
            <progress max={progress?.total ?? 1} value={progress?.done ?? 0} /> {running === 'grid' ? 'grid' : 'paths'} {progress ? `${Math.round((100 * progress.done) / progress.total)}%` : 'starting workers…'}
          </span>
        )}
        {mc && !running && (
          <span className="faint" data-testid="mc-speed">
            {mc.paths.toLocaleString('en-US')} paths in {mc.seconds.toFixed(2)} s ({Math.round(mc.pathsPerSecond).toLocaleString('en-US')} paths/s on worker threads)
          </span>
        )}
      </div>
      {error && (
        <p className="dc-error" role="alert">
          {error}
        </p>
      )}
      {mc && (
        <>
          <p className="faint dc-mc-label" data-testid="mc-label">
            {mcLabel}
          </p>
          <table className="dc-table" data-testid="mc-table">
            <thead>
              <tr>
                <th scope="col">Leverage</th>
                <th scope="col" className="num">Token mean</th>
                <th scope="col" className="num">Token median</th>
                <th scope="col" className="num">5% / 95%</th>
                <th scope="col" className="num">P(token &lt; spot)</th>
                <th scope="col" className="num">Rebalances / path</th>
                <th scope="col" className="num">Margin median</th>
                <th scope="col" className="num">P(margin liquidated)</th>
                <th scope="col" className="num">Spot median</th>
              </tr>
            </thead>
            <tbody>
              {mc.perLeverage.map((p, i) => (
                <tr key={p.leverage} data-testid="mc-row" data-leverage={p.leverage} data-rebalances={p.token.meanRebalances} className={i === pick ? 'picked' : undefined} onClick={() => setPick(i)}>
                  <th scope="row">
                    <button type="button" className="btn-ghost" aria-pressed={i === pick} onClick={() => setPick(i)}>
                      {p.leverage}x
                    </button>
                  </th>
                  <td className="num">
                    {p.token.mean.toFixed(4)} <span className="faint">± {p.token.standardError.toFixed(4)}</span>
                  </td>
                  <td className="num">{p.token.median.toFixed(4)}</td>
                  <td className="num">
                    {p.token.p05.toFixed(3)} / {p.token.p95.toFixed(3)}
                  </td>
                  <td className="num">{pct(p.token.probBelowSpot)}</td>
                  <td className="num">{p.token.meanRebalances.toFixed(1)}</td>
                  <td className="num">{p.margin.median.toFixed(4)}</td>
                  <td className="num">{pct(p.margin.liquidatedShare)}</td>
                  <td className="num">{mc.spot.median.toFixed(4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dc-plots">
            <figure>
              <figcaption>
                Terminal value, {mc.perLeverage[pick]?.leverage}x: <span className="tok">token</span>, <span className="mar">margin</span>, <span className="spot">spot</span>
              </figcaption>
              <Histogram mc={mc} index={pick} />
            </figure>
            <figure>
              <figcaption>Quantiles over time (5–95%, 25–75%, median), log scale</figcaption>
              <Fan mc={mc} index={pick} />
            </figure>
          </div>
        </>
      )}
      <div className="dc-actions">
        {field('Grid volatilities', 'gridVols', 'grid-vols')}
        {field('Grid leverages', 'gridLevs', 'grid-levs')}
        <button type="button" className="btn-solid" data-testid="grid-run" disabled={running !== null} onClick={runGrid}>
          Run grid
        </button>
      </div>
      {grid && (
        <figure>
          <figcaption>Median decay over {f.days} days, daily rule: median of token ÷ (spot return)^L − 1 (the variance drain), 4,000 paths a cell</figcaption>
          <Heatmap grid={grid} />
        </figure>
      )}
    </div>
  );
}
