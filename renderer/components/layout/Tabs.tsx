import { useId, useRef, type ReactNode } from 'react';

export interface TabDef<T extends string> {
  readonly id: T;
  readonly label: string;
  /** A count shown after the label ("Positions 2"). */
  readonly badge?: number | null;
}

/**
 * ARIA tabs with manual activation kept simple: arrow keys move AND select (the panels are cheap
 * to switch), Home/End jump to the ends. Only the selected tab is in the tab order.
 */
export function Tabs<T extends string>(props: {
  tabs: readonly TabDef<T>[];
  value: T;
  onChange: (id: T) => void;
  label: string;
  testId: string;
  trailing?: ReactNode;
  children: ReactNode;
}) {
  const { tabs, value, onChange, label, testId, trailing, children } = props;
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const select = (i: number): void => {
    const n = tabs.length;
    const tab = tabs[((i % n) + n) % n];
    if (!tab) return;
    onChange(tab.id);
    refs.current[tabs.indexOf(tab)]?.focus();
  };
  const at = tabs.findIndex((t) => t.id === value);
  return (
    <div className="tabs" data-testid={testId}>
      <div className="tabs-strip">
        <div role="tablist" aria-label={label} className="tabs-list">
          {tabs.map((t, i) => (
            <button
              key={t.id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${t.id}`}
              aria-selected={t.id === value}
              aria-controls={`${base}-panel`}
              tabIndex={t.id === value ? 0 : -1}
              className="tab"
              data-testid={`${testId}-${t.id}`}
              onClick={() => onChange(t.id)}
              onKeyDown={(e) => {
                const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
                const to = moves[e.key];
                if (to !== undefined) {
                  e.preventDefault();
                  select(to);
                }
              }}
            >
              {t.label}
              {t.badge != null && t.badge > 0 && <span className="tab-badge num">{t.badge}</span>}
            </button>
          ))}
        </div>
        {trailing}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${value}`} className="tabs-panel">
        {children}
      </div>
    </div>
  );
}
