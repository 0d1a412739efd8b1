import { useEffect, useRef, type RefObject } from 'react';
import type { IPriceLine, ISeriesApi } from 'lightweight-charts';
import { Dec, toWire } from '#shared/money/decimal';
import type { PlanLine } from './PlannerChart';

const KIND: Record<PlanLine['tone'], string> = { accent: 'entry', down: 'stop', up: 'takeProfit', warn: 'liq' };

/**
 * A focusable grip on each draggable line (entry, stop, targets), as on the Trade chart's stop:
 * arrows move the line a tick (Shift: ten), Enter puts the price into the plan, Escape (or
 * leaving the grip) puts the line back. Grips follow their lines by direct style writes once a
 * frame, so scrolling and scaling the chart costs no React render.
 */
export function ChartGrips(props: {
  lines: readonly PlanLine[];
  series: RefObject<ISeriesApi<'Candlestick'> | null>;
  priceLines: RefObject<Map<string, { line: IPriceLine; spec: PlanLine }>>;
  tickSize: string;
  fmtPrice: (p: string) => string;
  onCommit: (id: string, price: string) => void;
}) {
  const { lines, series, priceLines, tickSize, fmtPrice, onCommit } = props;
  const grips = useRef(new Map<string, HTMLButtonElement>());
  const editing = useRef<{ id: string; original: number; price: Dec } | null>(null);

  useEffect(() => {
    let frame = 0;
    const place = (): void => {
      const s = series.current;
      for (const [id, el] of grips.current) {
        const line = priceLines.current.get(id)?.line;
        const y = s && line ? s.priceToCoordinate(line.options().price) : null;
        // A line off the visible price range has no grip (it would sit over the panels below).
        const h = el.parentElement?.clientHeight ?? 0;
        const off = y == null || y < 8 || y > h - 28;
        el.style.visibility = off ? 'hidden' : '';
        if (!off) el.style.top = `${y}px`;
      }
      frame = requestAnimationFrame(place);
    };
    frame = requestAnimationFrame(place);
    return () => cancelAnimationFrame(frame);
  }, [series, priceLines]);

  const move = (id: string, ticks: number): void => {
    const line = priceLines.current.get(id)?.line;
    if (!line) return;
    const price = line.options().price;
    const e = editing.current?.id === id ? editing.current : (editing.current = { id, original: price, price: new Dec(String(price)) });
    const next = e.price.plus(new Dec(tickSize).mul(ticks));
    if (!next.gt(0)) return;
    e.price = next;
    line.applyOptions({ price: next.toNumber() });
  };
  const cancel = (): void => {
    const e = editing.current;
    editing.current = null;
    if (e) priceLines.current.get(e.id)?.line.applyOptions({ price: e.original });
  };
  const commit = (): void => {
    const e = editing.current;
    editing.current = null;
    if (e) onCommit(e.id, toWire(e.price));
  };

  return (
    <>
      {lines
        .filter((l) => l.draggable)
        .map((l) => (
          <button
            key={l.id}
            type="button"
            ref={(el) => {
              if (el) grips.current.set(l.id, el);
              else grips.current.delete(l.id);
            }}
            className={`line-handle pl-grip ${KIND[l.tone]}`}
            style={{ visibility: 'hidden' }}
            data-testid={`planner-grip-${l.id}`}
            data-price={l.price}
            aria-label={`${l.label} at ${fmtPrice(l.price)}. Arrow keys move it a tick (Shift: ten ticks), Enter puts it in the plan, Escape puts it back.`}
            onKeyDown={(e) => {
              if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
                e.preventDefault();
                move(l.id, (e.key === 'ArrowUp' ? 1 : -1) * (e.shiftKey ? 10 : 1));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                commit();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                cancel();
              }
            }}
            onBlur={cancel}
          >
            <span aria-hidden="true">⇕</span> {l.label}
          </button>
        ))}
    </>
  );
}
