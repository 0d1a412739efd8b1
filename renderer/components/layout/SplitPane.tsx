import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

const KEY_STEP = 0.02;

function readFraction(key: string, fallback: number): number {
  const raw = Number(localStorage.getItem(`levdesk.split.${key}`));
  return Number.isFinite(raw) && raw > 0 && raw < 1 ? raw : fallback;
}

/**
 * Two panes and a draggable separator. The split is a fraction of the container, so a layout
 * set on a laptop keeps its proportions on a 4K screen. The separator is a focusable
 * ARIA separator: arrow keys move it, Home/End go to the limits, Enter restores the default.
 * The split is a per-machine preference, kept in localStorage rather than the workspace.
 */
export function SplitPane(props: {
  id: string;
  direction: 'row' | 'column';
  /** Share of the first pane, 0..1. */
  defaultFraction: number;
  min?: number;
  max?: number;
  label: string;
  first: ReactNode;
  second: ReactNode;
  className?: string;
}) {
  const { id, direction, defaultFraction, min = 0.15, max = 0.85, label, first, second, className } = props;
  const [fraction, setFractionState] = useState(() => readFraction(id, defaultFraction));
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const setFraction = (f: number): void => {
    const clamped = Math.min(max, Math.max(min, f));
    setFractionState(clamped);
    localStorage.setItem(`levdesk.split.${id}`, String(clamped));
  };

  const fromPointer = (e: PointerEvent<HTMLDivElement>): void => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect) return;
    setFraction(direction === 'row' ? (e.clientX - rect.left) / rect.width : (e.clientY - rect.top) / rect.height);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const back = direction === 'row' ? 'ArrowLeft' : 'ArrowUp';
    const fwd = direction === 'row' ? 'ArrowRight' : 'ArrowDown';
    const moves: Record<string, () => void> = {
      [back]: () => setFraction(fraction - KEY_STEP),
      [fwd]: () => setFraction(fraction + KEY_STEP),
      Home: () => setFraction(min),
      End: () => setFraction(max),
      Enter: () => setFraction(defaultFraction),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      move();
    }
  };

  const pct = `${(fraction * 100).toFixed(2)}%`;
  return (
    <div ref={box} className={`split split-${direction}${className ? ` ${className}` : ''}`}>
      <div className="split-pane" style={{ flexBasis: pct }}>
        {first}
      </div>
      <div
        className="split-handle"
        role="separator"
        aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        aria-label={label}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuemin={Math.round(min * 100)}
        aria-valuemax={Math.round(max * 100)}
        tabIndex={0}
        data-testid={`split-${id}`}
        onKeyDown={onKey}
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => dragging.current && fromPointer(e)}
        onPointerUp={(e) => {
          dragging.current = false;
          e.currentTarget.releasePointerCapture(e.pointerId);
        }}
        onDoubleClick={() => setFraction(defaultFraction)}
      />
      <div className="split-pane split-rest">{second}</div>
    </div>
  );
}
