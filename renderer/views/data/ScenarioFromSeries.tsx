import { useId, useState, type ReactNode } from 'react';
import type { SeriesInfo } from '#shared/domain/market-series';
import { useApi } from '../../api/context';
import { count } from './data-format';
import { buildSeriesScenario, type SeriesScenarioForm } from './series-scenario';

type Saved = { id: string; name: string } | null;

/**
 * "New scenario from this series": the window (typed, or picked by clicking the series chart),
 * the seed, funding from the stored history or the model, and optionally a crowd and the
 * trader's account. Saving puts it in the Scenarios list and the Trade view's picker and says so
 * here, where the trader is looking, with the next steps beside it.
 */
export function ScenarioFromSeries(props: {
  series: SeriesInfo;
  form: SeriesScenarioForm;
  onForm: (f: SeriesScenarioForm) => void;
  /** Which end of the window the next click on the chart sets. */
  picking: 'start' | 'end';
  onOpenInEditor: (json: string) => void;
  onShowSaved: (id: string) => void;
  onClose: () => void;
}) {
  const { series, form: f, onForm, picking, onOpenInEditor, onShowSaved, onClose } = props;
  const api = useApi();
  const ids = { title: useId() };
  const [saved, setSaved] = useState<Saved>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const built = buildSeriesScenario(series, f);
  const set = (p: Partial<SeriesScenarioForm>): void => {
    onForm({ ...f, ...p });
    setSaved(null);
    setLoaded(null);
  };
  const bad = (field: keyof SeriesScenarioForm): true | undefined => (!built.ok && built.field === field ? true : undefined);

  const save = async (): Promise<void> => {
    if (!built.ok) return;
    const r = await api.call('market.saveScenario', { json: built.json });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setSaved({ id: r.value.id, name: r.value.name });
  };
  const load = async (): Promise<void> => {
    if (!saved) return;
    const r = await api.call('replay.load', { source: { kind: 'scenario', id: saved.id } });
    if (!r.ok) return setError(r.error.message);
    setLoaded(`Loaded into the replay: ${count(r.value.scenario?.tickCount ?? 0)} ticks. Play it from the Trade view.`);
  };

  return (
    <section className="card dv-pane dv-from-series" aria-labelledby={ids.title} data-testid="scenario-from-series">
      <header className="dv-detail-head">
        <h2 id={ids.title}>New scenario from this series</h2>
        <span className="faint" data-testid="sfs-picking">
          Click the chart to pick the {picking === 'start' ? 'start' : 'end'} of the window
        </span>
        <button type="button" className="dv-btn ghost" onClick={onClose} data-testid="sfs-close">
          Close
        </button>
      </header>
      <div className="dv-form dv-form-3">
        <Field label="Name" wide>
          <input value={f.name} aria-invalid={bad('name')} onChange={(e) => set({ name: e.target.value })} data-testid="sfs-name" />
        </Field>
        <Field label="Start (UTC)">
          <input className="num" value={f.start} aria-invalid={bad('start')} onChange={(e) => set({ start: e.target.value })} data-testid="sfs-start" />
        </Field>
        <Field label="End (UTC)">
          <input className="num" value={f.end} aria-invalid={bad('end')} onChange={(e) => set({ end: e.target.value })} data-testid="sfs-end" />
        </Field>
        <Field label="Seed">
          <input className="num" inputMode="numeric" value={f.seed} aria-invalid={bad('seed')} onChange={(e) => set({ seed: e.target.value })} data-testid="sfs-seed" />
        </Field>
        <Field label="Funding">
          <select value={f.funding} onChange={(e) => set({ funding: e.target.value as SeriesScenarioForm['funding'] })} data-testid="sfs-funding">
            <option value="history">Stored {series.venue} history</option>
            <option value="model">Premium model</option>
          </select>
        </Field>
        <label className="check dv-check">
          <input type="checkbox" checked={f.crowdOn} onChange={(e) => set({ crowdOn: e.target.checked })} data-testid="sfs-crowd-on" />
          Add a crowd (optional)
        </label>
        {f.crowdOn && (
          <Field label="Traders">
            <input className="num" inputMode="numeric" value={f.traders} aria-invalid={bad('traders')} onChange={(e) => set({ traders: e.target.value })} data-testid="sfs-traders" />
          </Field>
        )}
        <label className="check dv-check">
          <input type="checkbox" checked={f.accountOn} onChange={(e) => set({ accountOn: e.target.checked })} data-testid="sfs-account-on" />
          Set the account (optional; else 10,000 USDT at 10×)
        </label>
        {f.accountOn && (
          <>
            <Field label="Deposit (USDT)">
              <input className="num" inputMode="decimal" value={f.deposit} aria-invalid={bad('deposit')} onChange={(e) => set({ deposit: e.target.value })} data-testid="sfs-deposit" />
            </Field>
            <Field label="Leverage">
              <input className="num" inputMode="numeric" value={f.leverage} aria-invalid={bad('leverage')} onChange={(e) => set({ leverage: e.target.value })} data-testid="sfs-leverage" />
            </Field>
          </>
        )}
      </div>
      <p className={built.ok ? 'faint' : 'warn'} data-testid="sfs-check" aria-live="polite">
        {built.ok ? `${count(built.minutes)} minutes of ${series.interval} candles.` : built.message}
      </p>
      <div className="dv-actions">
        <button type="button" className="dv-btn solid" disabled={!built.ok} onClick={() => void save()} data-testid="sfs-save">
          Save scenario
        </button>
        <button type="button" className="dv-btn" disabled={!built.ok} onClick={() => built.ok && onOpenInEditor(built.json)} data-testid="sfs-edit">
          Edit as JSON…
        </button>
      </div>
      {error && (
        <p className="dv-error" role="alert" data-testid="sfs-error">
          {error}
        </p>
      )}
      {saved && (
        <div className="dv-saved ok" role="status" data-testid="sfs-saved" data-id={saved.id}>
          <p>
            Saved as “{saved.name}” ({saved.id}): it is in the Scenarios list and in the Trade view&apos;s scenario picker.
          </p>
          <div className="dv-actions">
            <button type="button" className="dv-btn solid" onClick={() => void load()} data-testid="sfs-load">
              Load in replay
            </button>
            <button type="button" className="dv-btn" onClick={() => onShowSaved(saved.id)} data-testid="sfs-show">
              Show in Scenarios
            </button>
          </div>
          {loaded && <p data-testid="sfs-loaded">{loaded}</p>}
        </div>
      )}
    </section>
  );
}

function Field({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={`dv-field${wide ? ' wide' : ''}`}>
      <span>{label}</span>
      {children}
    </label>
  );
}
