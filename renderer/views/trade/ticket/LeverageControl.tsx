import { useId, useState } from 'react';

/**
 * Leverage as a slider limited by the bracket's maximum, plus a box to type it. The change is
 * sent when the trader lets go (or presses Enter), not on every pixel: each change is an engine
 * command that can be refused ("the position cannot support 50x"), and the refusal is shown here.
 */
export function LeverageControl(props: { value: number; max: number; onCommit: (n: number) => Promise<string | null>; disabled?: boolean }) {
  const { value, max, onCommit, disabled } = props;
  const [draft, setDraft] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const shown = draft ?? value;
  const commit = async (n: number): Promise<void> => {
    const clamped = Math.max(1, Math.min(max, Math.round(n)));
    setDraft(null);
    if (clamped === value) return;
    setError(await onCommit(clamped));
  };
  const marks = [1, 5, 10, 20, 50, 75, 100, 125].filter((m) => m <= max);
  return (
    <div className="lev">
      <div className="lev-row">
        <label htmlFor={`${id}-range`} className="field-label">
          Leverage
        </label>
        <input
          className="lev-box num"
          aria-label="Leverage, times"
          inputMode="numeric"
          value={`${shown}`}
          disabled={disabled}
          data-testid="ticket-leverage"
          onChange={(e) => {
            const n = Number(e.target.value.replace(/[^\d]/g, ''));
            if (Number.isFinite(n)) setDraft(n);
          }}
          onBlur={() => draft != null && void commit(draft)}
          onKeyDown={(e) => e.key === 'Enter' && draft != null && void commit(draft)}
        />
        <span className="unit">×</span>
        <span className="lev-max faint" title={`The bracket allows up to ${max}x`}>
          ≤{max}×
        </span>
      </div>
      <input
        id={`${id}-range`}
        type="range"
        min={1}
        max={max}
        step={1}
        value={Math.min(shown, max)}
        disabled={disabled}
        list={`${id}-marks`}
        aria-valuetext={`${shown} times`}
        onChange={(e) => setDraft(Number(e.target.value))}
        onPointerUp={() => draft != null && void commit(draft)}
        onKeyUp={(e) => (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End' || e.key.startsWith('Page')) && draft != null && void commit(draft)}
        className="lev-range"
      />
      <datalist id={`${id}-marks`}>
        {marks.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      {error && (
        <p className="field-error" role="alert" data-testid="ticket-leverage-error">
          {error}
        </p>
      )}
    </div>
  );
}
