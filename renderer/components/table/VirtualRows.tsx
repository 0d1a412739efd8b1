import { memo, useEffect, useImperativeHandle, useRef, type Ref, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ColumnSpec } from './column-spec';
import { TableRow } from './TableRow';
import { scrollTopToShow, slotOf } from './row-window';
import { cellGlyphWidths } from './glyph-widths';

/** What the grid asks of its rows: keyboard navigation scrolls a row into view. */
export interface VirtualRowsHandle {
  scrollToIndex(index: number): void;
}

interface VirtualRowsProps<T> {
  readonly handle: Ref<VirtualRowsHandle>;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly count: number;
  readonly rowAt: (index: number) => T | undefined;
  /** Bumped when rows behind `rowAt` changed (a page arrived) although `rowAt` itself did not. */
  readonly revision: number;
  readonly rowHeight: number;
  readonly headerHeight: number;
  readonly overscan: number;
  readonly specs: readonly ColumnSpec<T>[];
  readonly widths: Readonly<Record<string, number>>;
  readonly totalWidth: number;
  readonly activeIndex: number | null;
  readonly getRowId: (row: T) => string;
  readonly testId: string;
  readonly domIdPrefix: string;
  readonly onSelect: (index: number) => void;
  readonly onActivate: ((row: T) => void) | undefined;
  /** The rows [first, last) are in the DOM (server lists fetch their pages). */
  readonly onRange: ((first: number, last: number) => void) | undefined;
}

/**
 * The grid body: the virtualizer and the rows on screen. It lives apart from the DataTable so a
 * scroll re-renders this list (and, memoised, only the rows whose index changed), not the table
 * model, the header, the toolbar and the layout hooks above it on every scrolled frame.
 */
function VirtualRowsImpl<T>(props: VirtualRowsProps<T>) {
  const { handle, scrollRef, count, rowAt, rowHeight, headerHeight, overscan, specs, widths, totalWidth, activeIndex, getRowId, testId, domIdPrefix, onSelect, onActivate, onRange } =
    props;
  // The virtualizer hands back fresh geometry each render by design; nothing below memoises it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    scrollMargin: headerHeight,
  });
  useImperativeHandle(
    handle,
    () => ({
      scrollToIndex(index: number) {
        const el = scrollRef.current;
        if (!el) return;
        const top = scrollTopToShow(index, { scrollTop: el.scrollTop, viewport: el.clientHeight, rowHeight, headerHeight });
        if (top !== el.scrollTop) el.scrollTop = top;
      },
    }),
    [scrollRef, rowHeight, headerHeight],
  );
  const items = virtualizer.getVirtualItems();
  const glyphs = cellGlyphWidths();
  // Rows are keyed by slot (index modulo the most rows ever on screen), not by row id: a row that
  // scrolls out hands its DOM to the one scrolling in, which React updates in place (text and
  // transform) instead of tearing down and building ~20 cells a row every frame. Rows that stay
  // on screen keep their slot and, memoised, do not re-render at all.
  const slots = useRef(0);
  slots.current = Math.max(slots.current, items.length);
  const first = items[0]?.index ?? 0;
  const last = (items[items.length - 1]?.index ?? -1) + 1;
  useEffect(() => {
    onRange?.(first, last);
  }, [onRange, first, last]);

  return (
    <div className="dt-body" role="rowgroup" style={{ height: count * rowHeight, width: totalWidth }}>
      {items.map((item) => {
        const row = rowAt(item.index);
        return (
          <TableRow
            key={slotOf(item.index, slots.current)}
            domId={`${domIdPrefix}-row-${item.index}`}
            row={row}
            index={item.index}
            top={item.index * rowHeight}
            height={rowHeight}
            specs={specs}
            widths={widths}
            active={item.index === activeIndex}
            rowKey={row ? getRowId(row) : undefined}
            testId={testId}
            onSelect={onSelect}
            onActivate={onActivate}
            glyphs={glyphs}
          />
        );
      })}
    </div>
  );
}

export const VirtualRows = memo(VirtualRowsImpl) as typeof VirtualRowsImpl;
