import { useCallback, useEffect, useState } from 'react';
import type { LabOutput } from '#shared/domain/decay-lab';
import type { Output } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/result';
import type { SeriesInfo } from '#shared/domain/market-series';
import { useApi } from '../../api/context';
import { useSettings } from '../../app/settings-context';
import { defaultPathForm, toLabInput, type PathForm } from './decay-form';
import { PathFormFields } from './PathFormFields';
import { exportCsv, ResultTable } from './ResultTable';
import { ValueChart } from './ValueChart';

/** One path, exact decimals: tokens, margin positions and spot side by side. */
export function PathTab({ series }: { series: readonly SeriesInfo[] }) {
  const api = useApi();
  const { settings } = useSettings();
  const [form, setForm] = useState<PathForm>(() => defaultPathForm(series));
  const [result, setResult] = useState<LabOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [logScale, setLogScale] = useState(true);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [initial] = useState(form);

  const answer = useCallback((r: Result<Output<'decay.simulate'>>) => {
    setBusy(false);
    if (r.ok) {
      setResult(r.value);
      setError(null);
    } else {
      const issues = (r.error.details?.issues as { path: string; message: string }[] | undefined) ?? [];
      setError(issues.length ? issues.map((i) => `${i.path}: ${i.message}`).join('; ') : r.error.message);
    }
  }, []);

  const run = () => {
    let input;
    try {
      input = toLabInput(form, series);
    } catch (err) {
      setError((err as Error).message);
      return;
    }
    setBusy(true);
    void api.call('decay.simulate', input).then(answer);
  };

  // The default path runs once on arrival so the view opens on a result, not a form.
  useEffect(() => {
    void api.call('decay.simulate', toLabInput(initial, series)).then(answer);
  }, [api, answer, initial, series]);

  const toggle = (instrument: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(instrument)) next.delete(instrument);
      else next.add(instrument);
      return next;
    });

  return (
    <div className="dc-path" data-testid="decay-path">
      <PathFormFields form={form} set={(patch) => setForm((f) => ({ ...f, ...patch }))} series={series} />
      <div className="dc-actions">
        <button type="button" className="btn-solid" data-testid="decay-run" disabled={busy} onClick={run}>
          {busy ? 'Simulating…' : 'Simulate path'}
        </button>
        <label className="dc-check">
          <input type="checkbox" checked={logScale} data-testid="decay-log" onChange={(e) => setLogScale(e.target.checked)} />
          <span>Log scale</span>
        </label>
        <button type="button" className="btn-ghost" data-testid="decay-export" disabled={!result} onClick={() => result && exportCsv(result)}>
          Export CSV
        </button>
        {result && (
          <span className="faint" data-testid="decay-description">
            {result.description} · {result.vertices} vertices · funding {result.fundingSource === 'stored' ? 'from the stored history' : 'constant'}
          </span>
        )}
      </div>
      {error && (
        <p className="dc-error" role="alert" data-testid="decay-error">
          {error}
        </p>
      )}
      {result && (
        <>
          <ValueChart result={result} logScale={logScale} theme={settings?.theme ?? 'dark'} hidden={hidden} />
          <ResultTable result={result} hidden={hidden} toggle={toggle} />
          <p className="faint dc-note">
            Exact decimal simulation (the same code as <span className="mono">levdesk decay</span>), values from a start of 1. Decay = end value − (1 + leverage × spot return). The
            Avellaneda–Zhang column is a floating-point approximation on the daily closes, shown for daily-rebalanced tokens only. The need-based band is our model of Binance&apos;s unpublished rule.
          </p>
        </>
      )}
    </div>
  );
}
