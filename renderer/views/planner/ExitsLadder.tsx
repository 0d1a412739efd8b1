import { useId } from 'react';
import type { ExitRung, PlanInputs } from '#shared/plan/plan-body';
import type { PlanExits } from '#shared/plan/plan-exits';
import { formatDecimal } from '../../components/format/decimal-text';
import { useFmt } from '../trade/format';

/** The scale-out ladder (prices or R multiples with shares), break-even and trailing stop, R:R and EV. */
export function ExitsLadder(props: { inputs: PlanInputs; patch: (p: Partial<PlanInputs>) => void; exits: PlanExits | null }) {
  const { inputs: s, patch, exits } = props;
  const fmt = useFmt();
  const id = useId();
  const setRung = (i: number, r: Partial<ExitRung>) => patch({ rungs: s.rungs.map((x, j) => (j === i ? { ...x, ...r } : x)) });
  const problem = (f: string) => exits?.problems.find((p) => p.field === f)?.message;
  return (
    <section className="pl-exits" aria-labelledby={`${id}-h`} data-testid="planner-exits">
      <h3 id={`${id}-h`} className="pl-h">
        Exits
      </h3>
      <table className="pl-ladder">
        <thead>
          <tr>
            <th scope="col">Target</th>
            <th scope="col">Share %</th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              R:R
            </th>
            <th scope="col" className="num">
              Net
            </th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {s.rungs.map((r, i) => {
            const out = exits?.problems.length ? null : exits?.rungs[i];
            return (
              <tr key={i} data-testid={`planner-rung-${i}`}>
                <td>
                  <div className="pl-row">
                    <input className="num pl-small" inputMode="decimal" aria-label={`Target ${i + 1} ${r.kind === 'r' ? 'R multiple' : 'price'}`} value={r.value} onChange={(e) => setRung(i, { value: e.target.value })} data-testid={`planner-rung-value-${i}`} />
                    <select aria-label={`Target ${i + 1} unit`} value={r.kind} onChange={(e) => setRung(i, { kind: e.target.value as ExitRung['kind'] })}>
                      <option value="r">R</option>
                      <option value="price">price</option>
                    </select>
                  </div>
                </td>
                <td>
                  <input className="num pl-small" inputMode="decimal" aria-label={`Target ${i + 1} share, percent`} value={r.percent} onChange={(e) => setRung(i, { percent: e.target.value })} data-testid={`planner-rung-percent-${i}`} />
                </td>
                <td className="num" data-value={out?.price ?? ''}>
                  {out ? fmt.price(out.price) : '—'}
                </td>
                <td className={`num${out?.belowMinQty ? ' warn' : ''}`} title={out?.belowMinQty ? 'Under the minimum quantity: the exchange would refuse this take-profit' : undefined}>
                  {out ? fmt.qty(out.quantity) : '—'}
                  {out?.belowMinQty && ' (min!)'}
                </td>
                <td className="num">{out ? `${formatDecimal(out.r, 2)}R` : '—'}</td>
                <td className="num">{out ? fmt.pnl(out.netPnl) : '—'}</td>
                <td>
                  <button type="button" className="btn-ghost" aria-label={`Remove target ${i + 1}`} onClick={() => patch({ rungs: s.rungs.filter((_, j) => j !== i) })}>
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {exits?.problems.map((p) => (
        <p key={p.field + p.message} className="field-error" role="alert">
          {p.message}
        </p>
      ))}
      <div className="pl-row pl-wrap">
        <button type="button" className="btn-ghost" disabled={s.rungs.length >= 10} onClick={() => patch({ rungs: [...s.rungs, { kind: 'r', value: String(s.rungs.length + 1), percent: '25' }] })} data-testid="planner-add-rung">
          + Target
        </button>
        <label className="check">
          <input type="checkbox" checked={s.breakevenAfterFirst} onChange={(e) => patch({ breakevenAfterFirst: e.target.checked })} />
          Stop to break-even after the first target
        </label>
      </div>
      <div className="pl-row pl-wrap">
        <label className="check">
          <input type="checkbox" checked={s.trailOn} onChange={(e) => patch({ trailOn: e.target.checked })} data-testid="planner-trail-on" />
          Trailing stop
        </label>
        {s.trailOn && (
          <>
            <input className="num pl-small" inputMode="decimal" aria-label="Trailing callback, percent" value={s.trailCallbackPercent} onChange={(e) => patch({ trailCallbackPercent: e.target.value })} data-testid="planner-trail-callback" aria-invalid={problem('trail') ? true : undefined} />
            <span className="faint">% callback, activate at</span>
            <input className="num pl-mid" inputMode="decimal" aria-label="Trailing activation price (optional)" placeholder="at once" value={s.trailActivation} onChange={(e) => patch({ trailActivation: e.target.value })} data-testid="planner-trail-activation" />
            <span className="faint">for {exits && exits.runner !== '0' ? `the runner ${fmt.qty(exits.runner)}` : 'the whole position'}</span>
          </>
        )}
      </div>
      <div className="pl-row pl-wrap">
        <label className="pl-row">
          <span className="faint">Win probability %</span>
          <input className="num pl-small" inputMode="decimal" value={s.winPercent} onChange={(e) => patch({ winPercent: e.target.value })} data-testid="planner-win" />
        </label>
        <span data-testid="planner-ev" data-value={exits?.expectedValue ?? ''}>
          EV {exits?.expectedValue ? fmt.pnl(exits.expectedValue) : '—'} {exits?.expectedR ? `(${formatDecimal(exits.expectedR, 2)}R)` : ''}
        </span>
        <span className="faint" title="All targets hit; any runner closed at the last target, net of fees">
          win {exits?.winNet ? fmt.money(exits.winNet) : '—'} · after T1 worst {exits?.worstAfterFirst ? fmt.money(exits.worstAfterFirst) : '—'}
        </span>
      </div>
    </section>
  );
}
