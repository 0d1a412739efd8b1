import type { PlanHandoff } from '../../../app/plan-handoff';
import { useFmt } from '../format';

/** Says the ticket holds a plan (and its trailing stop: right after a market entry, on a resting entry's fill), with a way out. */
export function TicketPlanBanner({ plan, onClear }: { plan: PlanHandoff; onClear: () => void }) {
  const fmt = useFmt();
  const t = plan.trailing;
  return (
    <div className="tk-plan" data-testid="ticket-plan" data-plan-id={plan.planId ?? ''}>
      <p>
        From plan <strong>{plan.planName}</strong>
        {plan.planId ? '' : ' (not saved: its orders are not linked to it)'}
      </p>
      {t && (
        <p data-testid="ticket-plan-trailing" data-callback={t.callbackRate} data-quantity={t.quantity} data-activation={t.activationPrice ?? ''}>
          Then a trailing stop: {fmt.pct(t.callbackRate, 2)} callback{t.activationPrice ? `, from ${fmt.price(t.activationPrice)}` : ''}, {fmt.qty(t.quantity)} reduce-only, {plan.entry.type === 'market' ? 'right after the entry' : 'once the entry fills'}
        </p>
      )}
      <button type="button" className="btn-ghost" onClick={onClear} data-testid="ticket-plan-clear">
        Clear plan
      </button>
    </div>
  );
}
