import type { TakeProfitRungInput } from './ticket-state';

const MAX_RUNGS = 10;

/** The take-profit ladder: up to ten rungs, each a trigger price and the share of the entry it closes. */
export function TakeProfitLadder(props: { rungs: readonly TakeProfitRungInput[]; onChange: (rungs: TakeProfitRungInput[]) => void; invalid: string | null }) {
  const { rungs, onChange, invalid } = props;
  const set = (i: number, patch: Partial<TakeProfitRungInput>): void => onChange(rungs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="tp-ladder">
      <legend className="sr-only">Take-profit ladder</legend>
      {rungs.map((r, i) => (
        <div className="tp-rung" key={i}>
          <input
            className="num"
            aria-label={`Take-profit ${i + 1} trigger price`}
            aria-invalid={invalid === `tp${i}` || undefined}
            placeholder={`TP ${i + 1} price`}
            inputMode="decimal"
            value={r.price}
            data-testid={`ticket-tp-${i}-price`}
            onChange={(e) => set(i, { price: e.target.value })}
          />
          <input
            className="num tp-pct"
            aria-label={`Take-profit ${i + 1} share of the position, percent`}
            inputMode="decimal"
            value={r.percent}
            data-testid={`ticket-tp-${i}-pct`}
            onChange={(e) => set(i, { percent: e.target.value })}
          />
          <span className="unit">%</span>
          <button type="button" className="btn-ghost" aria-label={`Remove take-profit ${i + 1}`} disabled={rungs.length === 1} onClick={() => onChange(rungs.filter((_, j) => j !== i))}>
            −
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn-ghost"
        disabled={rungs.length >= MAX_RUNGS}
        onClick={() => onChange([...rungs.map((r) => r), { price: '', percent: '' }])}
        data-testid="ticket-tp-add"
      >
        + Add rung
      </button>
    </fieldset>
  );
}
