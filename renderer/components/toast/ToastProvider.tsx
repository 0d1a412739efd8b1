import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ToastContext, type Toast, type ToastApi, type ToastInput, type ToastKind } from './toast-context';

const MAX_TOASTS = 4;
const DEFAULT_TTL: Record<ToastKind, number | null> = {
  info: 4000,
  fill: 5000,
  funding: 5000,
  stop: 8000,
  adl: null,
  liquidation: null,
  error: null,
};
const ICON: Record<ToastKind, string> = {
  info: 'i',
  fill: '✓',
  funding: '⇄',
  stop: '■',
  adl: '⚠',
  liquidation: '⚠',
  error: '!',
};

/**
 * Toasts for what the engine did while the trader watched the chart: fills, stop triggers,
 * liquidations, ADL and funding. Two live regions: polite for routine events, assertive for
 * liquidations, ADL and errors (a screen-reader user must hear that at once).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const t = timers.current.get(id);
    if (t) clearTimeout(t);
    timers.current.delete(id);
    setToasts((list) => list.filter((x) => x.id !== id));
  }, []);

  const push = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      setToasts((list) => [...list, { ...input, id }].slice(-MAX_TOASTS));
      const ttl = input.ttlMs === undefined ? DEFAULT_TTL[input.kind] : input.ttlMs;
      if (ttl != null) timers.current.set(id, setTimeout(() => dismiss(id), ttl));
    },
    [dismiss],
  );

  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const t of all.values()) clearTimeout(t);
      all.clear();
    };
  }, []);

  const clear = useCallback(() => {
    for (const t of timers.current.values()) clearTimeout(t);
    timers.current.clear();
    setToasts([]);
  }, []);

  const api = useMemo<ToastApi>(() => ({ push, dismiss, clear }), [push, dismiss, clear]);
  const urgent = (k: ToastKind): boolean => k === 'liquidation' || k === 'adl' || k === 'error';
  const render = (list: Toast[]) =>
    list.map((t) => (
      <div key={t.id} className={`toast toast-${t.kind}`} data-testid={`toast-${t.kind}`} role="group" aria-label={t.title}>
        <span className="toast-icon" aria-hidden="true">
          {ICON[t.kind]}
        </span>
        <div className="toast-text">
          <strong>{t.title}</strong>
          {t.body && <span>{t.body}</span>}
        </div>
        {t.action && (
          <button
            type="button"
            className="btn-ghost"
            onClick={() => {
              t.action?.run();
              dismiss(t.id);
            }}
          >
            {t.action.label}
          </button>
        )}
        <button type="button" className="toast-close" aria-label={`Dismiss: ${t.title}`} onClick={() => dismiss(t.id)}>
          ×
        </button>
      </div>
    ));

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" data-testid="toasts">
        <div aria-live="polite" aria-relevant="additions">
          {render(toasts.filter((t) => !urgent(t.kind)))}
        </div>
        <div aria-live="assertive" aria-relevant="additions">
          {render(toasts.filter((t) => urgent(t.kind)))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}
