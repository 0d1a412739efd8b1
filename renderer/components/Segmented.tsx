import { useRef } from 'react';

interface Option<T extends string> {
  readonly value: T;
  readonly label: string;
}

/** A radio group drawn as a segmented control; arrow keys move the choice, as ARIA radios do. */
export function Segmented<T extends string>(props: {
  options: readonly Option<T>[];
  value: T;
  onChange: (value: T) => void;
  labelledBy: string;
  testId?: string;
}) {
  const { options, value, onChange, labelledBy, testId } = props;
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (from: number, delta: number): void => {
    const next = (from + delta + options.length) % options.length;
    const option = options[next];
    if (!option) return;
    onChange(option.value);
    refs.current[next]?.focus();
  };
  return (
    <div className="segmented" role="radiogroup" aria-labelledby={labelledBy} data-testid={testId}>
      {options.map((o, i) => (
        <button
          key={o.value}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          tabIndex={o.value === value ? 0 : -1}
          data-value={o.value}
          onClick={() => onChange(o.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
              e.preventDefault();
              move(i, 1);
            } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
              e.preventDefault();
              move(i, -1);
            }
          }}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
