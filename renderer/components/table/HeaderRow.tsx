import type { KeyboardEvent } from 'react';
import type { ReactTable, RowData } from '@tanstack/react-table';
import type { ColumnSpec } from './column-spec';
import type { DataTableFeatures } from './table-model';

const KEY_RESIZE_STEP = 10;

/**
 * The sticky header: a sort button per column (Shift-click adds a secondary sort) and a resize
 * handle that works with the mouse, touch, and the keyboard (arrow keys, 10 px a press).
 */
export function HeaderRow<T extends RowData>(props: {
  table: ReactTable<DataTableFeatures, T, unknown>;
  specs: readonly ColumnSpec<T>[];
  widths: Readonly<Record<string, number>>;
  totalWidth: number;
  height: number;
  /** More than one sort key: the header shows each key's rank. */
  multiSort: boolean;
}) {
  const { table, specs, widths, totalWidth, height, multiSort: multi } = props;
  const headers = new Map(table.getHeaderGroups()[0]?.headers.map((h) => [h.column.id, h]) ?? []);

  return (
    <div className="dt-head" role="row" aria-rowindex={1} style={{ height, width: totalWidth }}>
      {specs.map((spec) => {
        const header = headers.get(spec.id);
        if (!header) return null;
        const column = header.column;
        const sorted = column.getIsSorted();
        const order = column.getSortIndex();
        const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
        const width = widths[spec.id] ?? 100;
        const onResizeKey = (e: KeyboardEvent<HTMLDivElement>): void => {
          const delta = e.key === 'ArrowRight' ? KEY_RESIZE_STEP : e.key === 'ArrowLeft' ? -KEY_RESIZE_STEP : 0;
          if (!delta) return;
          e.preventDefault();
          table.setColumnSizing((old) => ({ ...old, [spec.id]: Math.max(column.columnDef.minSize ?? 48, width + delta) }));
        };
        return (
          <div
            key={spec.id}
            role="columnheader"
            aria-sort={column.getCanSort() ? ariaSort : undefined}
            className={`dt-th align-${spec.align ?? 'start'}${spec.pinEnd ? ' pin-end' : ''}`}
            style={{ width }}
            title={spec.description ?? spec.header}
            data-col={spec.id}
          >
            {column.getCanSort() ? (
              <button
                type="button"
                className="dt-sort"
                onClick={column.getToggleSortingHandler()}
                aria-label={`${spec.description ?? spec.header}: sort${sorted ? (sorted === 'asc' ? ', now ascending' : ', now descending') : ''}`}
              >
                <span className="dt-th-label">{spec.header}</span>
                <span className="dt-sort-mark" aria-hidden="true">
                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  {sorted && multi ? order + 1 : ''}
                </span>
              </button>
            ) : (
              <span className="dt-th-label">{spec.header}</span>
            )}
            {column.getCanResize() && (
              <div
                role="separator"
                aria-orientation="vertical"
                aria-label={`Width of ${spec.header}`}
                aria-valuenow={Math.round(width)}
                aria-valuemin={column.columnDef.minSize ?? 48}
                aria-valuemax={2000}
                tabIndex={0}
                className={`dt-resize${column.getIsResizing() ? ' resizing' : ''}`}
                onMouseDown={header.getResizeHandler()}
                onTouchStart={header.getResizeHandler()}
                onDoubleClick={() => column.resetSize()}
                onKeyDown={onResizeKey}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
