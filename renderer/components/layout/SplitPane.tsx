import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

const KEY_STEP = 0.02;
const KEY_STEP_PX = 16;

function readSize(key: string, fallback: number, min: number, max: number): number {
  const raw = Number(localStorage.getItem(`levdesk.split.${key}`));
  return Number.isFinite(raw) && raw >= min && raw <= max ? raw : fallback;
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
  /** Share of the first pane, 0..1 (ignored with secondPx). */
  defaultFraction?: number;
  min?: number;
  max?: number;
  label: string;
  first: ReactNode;
  second: ReactNode;
  className?: string;
  /**
   * Pin the SECOND pane to pixels instead (the order ticket keeps its width while the chart takes
   * the rest of a 4K screen); the fraction props then do not apply.
   */
  secondPx?: { default: number; min: number; max: number };
}) {
  const { id, direction, label, first, second, className, secondPx } = props;
  const min = secondPx ? secondPx.min : (props.min ?? 0.15);
  const max = secondPx ? secondPx.max : (props.max ?? 0.85);
  const defaultFraction = secondPx ? secondPx.default : (props.defaultFraction ?? 0.5);
  const [fraction, setFractionState] = useState(() => readSize(id, defaultFraction, min, max));
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
    if (secondPx) {
      setFraction(direction === 'row' ? rect.right - e.clientX : rect.bottom - e.clientY);
      return;
    }
    setFraction(direction === 'row' ? (e.clientX - rect.left) / rect.width : (e.clientY - rect.top) / rect.height);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const back = direction === 'row' ? 'ArrowLeft' : 'ArrowUp';
    const fwd = direction === 'row' ? 'ArrowRight' : 'ArrowDown';
    // For a pixel-sized second pane, moving the handle forward shrinks it.
    const step = secondPx ? -KEY_STEP_PX : KEY_STEP;
    const moves: Record<string, () => void> = {
      [back]: () => setFraction(fraction - step),
      [fwd]: () => setFraction(fraction + step),
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

  const firstStyle = secondPx ? { flex: '1 1 0' } : { flexBasis: `${(fraction * 100).toFixed(2)}%` };
  const secondStyle = secondPx ? { flex: `0 0 ${fraction}px` } : undefined;
  const now = secondPx ? Math.round(fraction) : Math.round(fraction * 100);
  return (
    <div ref={box} className={`split split-${direction}${className ? ` ${className}` : ''}`}>
      <div className="split-pane" style={firstStyle}>
        {first}
      </div>
      <div
        className="split-handle"
        role="separator"
        aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        aria-label={label}
        aria-valuenow={now}
        aria-valuemin={secondPx ? min : Math.round(min * 100)}
        aria-valuemax={secondPx ? max : Math.round(max * 100)}
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
      <div className="split-pane split-rest" style={secondStyle}>
        {second}
      </div>
    </div>
  );
}
