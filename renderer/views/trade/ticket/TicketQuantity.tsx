import type { RefObject } from 'react';
import { Segmented } from '../../../components/Segmented';
import { useFmt } from '../format';
import type { QuantityUnit, TicketState } from './ticket-state';

export interface TicketQuantityProps {
  readonly s: TicketState;
  readonly patch: (p: Partial<TicketState>) => void;
  /** The ticket keeps the ref and ids: it focuses the field on a quantity error, and other fields share its id. */
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly fieldId: string;
  readonly unitId: string;
  readonly base: string;
  readonly invalid: true | undefined;
  /** The quantity the preview's order carries: what a "Risk" amount comes to. */
  readonly resolvedQuantity: string | null;
}

/**
 * The ticket's quantity: the amount in one of four units (base, USDT, % of the max open quantity,
 * or the risk to the stop), the risk's own unit, and the quick shares of the max open quantity.
 */
export function TicketQuantity(props: TicketQuantityProps) {
  const { s, patch, inputRef, fieldId, unitId, base, invalid, resolvedQuantity } = props;
  const fmt = useFmt();
  return (
    <div className="tk-field">
      <label className="field-label" htmlFor={`${fieldId}-qty`}>
        Quantity
      </label>
      <div className="tk-input">
        <input ref={inputRef} id={`${fieldId}-qty`} className="num" inputMode="decimal" value={s.quantity} aria-invalid={invalid} aria-describedby={`${unitId}`} onChange={(e) => patch({ quantity: e.target.value })} data-testid="ticket-qty" />
        <span id={unitId} className="sr-only">
          in {s.unit === 'base' ? base : s.unit === 'quote' ? 'USDT' : 'percent of the max open quantity'}
        </span>
        <Segmented<QuantityUnit>
          labelledBy={unitId}
          options={[
            { value: 'base', label: base },
            { value: 'quote', label: 'USDT' },
            { value: 'percent', label: '%' },
            { value: 'risk', label: 'Risk' },
          ]}
          value={s.unit}
          onChange={(unit) => patch({ unit, ...(unit === 'risk' && !s.stopOn ? { stopOn: true } : {}) })}
          testId="ticket-unit"
        />
      </div>
      {s.unit === 'risk' && (
        <div className="tk-inline" data-testid="ticket-risk">
          <span className="faint">Risk in</span>
          <Segmented<'percent' | 'cash'>
            labelledBy={unitId}
            options={[
              { value: 'percent', label: '% of equity' },
              { value: 'cash', label: 'USDT' },
            ]}
            value={s.riskIn}
            onChange={(riskIn) => patch({ riskIn })}
            testId="ticket-risk-in"
          />
          <span className="faint" data-testid="ticket-risk-qty" data-value={resolvedQuantity ?? ''}>
            = {resolvedQuantity ? `${fmt.qty(resolvedQuantity)} ${base}` : 'needs the stop'}
          </span>
        </div>
      )}
      <div className="tk-quick" role="group" aria-label="Share of the max open quantity">
        {['25', '50', '75', '100'].map((p) => (
          <button key={p} type="button" className="btn-ghost" onClick={() => patch({ unit: 'percent', quantity: p })} data-testid={`ticket-pct-${p}`}>
            {p}%
          </button>
        ))}
      </div>
    </div>
  );
}
