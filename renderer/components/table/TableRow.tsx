import { memo, type ReactNode } from 'react';
import type { ColumnSpec } from './column-spec';

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
}

function defaultCell<T>(spec: ColumnSpec<T>, row: T): ReactNode {
  const v = spec.value?.(row);
  return v == null ? '—' : String(v);
}

/** One absolutely positioned row; memoised so a scroll re-renders only the rows that changed. */
function TableRowImpl<T>(props: TableRowProps<T>) {
  const { domId, row, index, top, height, specs, widths, active, rowKey, testId, onSelect, onActivate } = props;
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
      {specs.map((spec) => (
        <div key={spec.id} role="gridcell" className={`dt-td align-${spec.align ?? 'start'}${spec.pinEnd ? ' pin-end' : ''}`} style={{ width: widths[spec.id] }} data-col={spec.id}>
          {row === undefined ? <span className="dt-pending">·</span> : spec.cell ? spec.cell(row) : defaultCell(spec, row)}
        </div>
      ))}
    </div>
  );
}

export const TableRow = memo(TableRowImpl) as typeof TableRowImpl;
