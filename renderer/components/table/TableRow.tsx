import { memo, type ReactNode } from 'react';
import type { ColumnSpec } from './column-spec';
import type { CellGlyphs } from './glyph-widths';
import { CELL_PADDING_X, surelyFits } from './text-fit';

interface TableRowProps<T> {
  readonly domId: string;
  /** Undefined while its page is still on its way from main. */
  readonly row: T | undefined;
  readonly index: number;
  readonly top: number;
  readonly height: number;
  readonly specs: readonly ColumnSpec<T>[];
  readonly widths: Readonly<Record<string, number>>;
  readonly active: boolean;
  readonly rowKey: string | undefined;
  readonly testId: string;
  readonly onSelect: (index: number) => void;
  readonly onActivate: ((row: T) => void) | undefined;
  /** The cells' glyph widths, to drop the clip of cells whose text surely fits (null: clip all). */
  readonly glyphs: CellGlyphs | null;
}

function defaultCell<T>(spec: ColumnSpec<T>, row: T): ReactNode {
  const v = spec.value?.(row);
  return v == null ? '—' : String(v);
}

function cellClass<T>(spec: ColumnSpec<T>, content: ReactNode, width: number | undefined, glyphs: CellGlyphs | null, row: T | undefined): string {
  const tone = row === undefined ? undefined : spec.tone?.(row);
  // Plain text that surely fits needs no clip (see text-fit.ts); anything else keeps it. A toned
  // cell may be bold (side tags, "Liq"), so it is bounded with the bold widths.
  const g = glyphs ? (tone ? glyphs.bold : glyphs.regular) : null;
  const fits = (typeof content === 'string' || typeof content === 'number') && width != null && surelyFits(String(content), width - CELL_PADDING_X, g);
  return `dt-td align-${spec.align ?? 'start'}${spec.pinEnd ? ' pin-end' : ''}${fits ? '' : ' clip'}${tone ? ` ${tone}` : ''}`;
}

/** One absolutely positioned row; memoised so a scroll re-renders only the rows that changed. */
function TableRowImpl<T>(props: TableRowProps<T>) {
  const { domId, row, index, top, height, specs, widths, active, rowKey, testId, onSelect, onActivate, glyphs } = props;
  return (
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      aria-busy={row === undefined || undefined}
      className={`dt-row${index % 2 ? ' odd' : ''}${active ? ' active' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      data-testid={testId}
      data-row-key={rowKey}
      data-index={index}
      onMouseDown={() => onSelect(index)}
      onDoubleClick={row !== undefined && onActivate ? () => onActivate(row) : undefined}
    >
      {specs.map((spec) => {
        const content = row === undefined ? '·' : spec.cell ? spec.cell(row) : defaultCell(spec, row);
        const width = widths[spec.id];
        return (
          <div key={spec.id} role="gridcell" className={cellClass(spec, content, width, glyphs, row)} style={{ width }} data-col={spec.id}>
            {content}
          </div>
        );
      })}
    </div>
  );
}

export const TableRow = memo(TableRowImpl) as typeof TableRowImpl;
