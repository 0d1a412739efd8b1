import { useCallback, useEffect, useId, useState } from 'react';
import type { Plan, PlanBody } from '#shared/plan/plan-body';
import { useApi } from '../../api/context';
import { useFmt } from '../trade/format';

export interface PlanMeta {
  readonly id: string | null;
  readonly name: string;
  readonly notes: string;
}

/** Saved plans in the workspace: save (new or over the open one), open, duplicate, delete. */
export function SavedPlans(props: { meta: PlanMeta; onMeta: (m: PlanMeta) => void; body: PlanBody | null; onOpen: (p: Plan) => void }) {
  const { meta, onMeta, body, onOpen } = props;
  const api = useApi();
  const fmt = useFmt();
  const id = useId();
  const [plans, setPlans] = useState<readonly Plan[]>([]);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => void api.call('plans.list').then((r) => r.ok && setPlans(r.value.plans)), [api]);
  useEffect(refresh, [refresh]);

  const save = async (asNew: boolean): Promise<void> => {
    if (!body) return;
    const r = await api.call('plans.save', { ...(meta.id && !asNew ? { id: meta.id } : {}), name: meta.name, notes: meta.notes, body });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    onMeta({ id: r.value.id, name: r.value.name, notes: r.value.notes });
    refresh();
  };
  const act = async (channel: 'plans.duplicate' | 'plans.delete', planId: string): Promise<void> => {
    const r = await api.call(channel, { id: planId });
    if (!r.ok) return setError(r.error.message);
    if (channel === 'plans.delete' && planId === meta.id) onMeta({ ...meta, id: null });
    refresh();
  };

  return (
    <section className="pl-saved" aria-labelledby={`${id}-h`} data-testid="planner-saved">
      <h3 id={`${id}-h`} className="pl-h">
        Plans
      </h3>
      <input aria-label="Plan name" value={meta.name} onChange={(e) => onMeta({ ...meta, name: e.target.value })} data-testid="planner-name" />
      <textarea aria-label="Notes" rows={2} placeholder="Notes: the setup, what invalidates it" value={meta.notes} onChange={(e) => onMeta({ ...meta, notes: e.target.value })} data-testid="planner-notes" />
      <div className="pl-row">
        <button type="button" className="btn-solid" disabled={!body || meta.name.trim() === ''} onClick={() => void save(false)} data-testid="planner-save">
          {meta.id ? 'Save' : 'Save plan'}
        </button>
        {meta.id && (
          <button type="button" className="btn-ghost" disabled={!body} onClick={() => void save(true)} data-testid="planner-save-new">
            Save as new
          </button>
        )}
        <span className="faint">{body ? '' : 'A plan saves once it sizes.'}</span>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ul className="pl-plan-list" data-testid="planner-plan-list">
        {plans.map((p) => (
          <li key={p.id} aria-current={p.id === meta.id ? 'true' : undefined} data-testid="planner-plan">
            <button type="button" className="pl-plan-open" onClick={() => onOpen(p)} title={p.notes || undefined}>
              <strong>{p.name}</strong>
              <small className="faint">
                {' '}
                {p.body.side} {fmt.qty(p.body.quantity)} {p.body.symbol} @ {fmt.price(p.body.entry)}, stop {fmt.price(p.body.stop)}
              </small>
            </button>
            <button type="button" className="btn-ghost" onClick={() => void act('plans.duplicate', p.id)} aria-label={`Duplicate ${p.name}`} data-testid="planner-plan-duplicate">
              Copy
            </button>
            <button type="button" className="btn-ghost" onClick={() => void act('plans.delete', p.id)} aria-label={`Delete ${p.name}`} data-testid="planner-plan-delete">
              Delete
            </button>
          </li>
        ))}
        {plans.length === 0 && <li className="faint">No saved plans yet.</li>}
      </ul>
    </section>
  );
}
