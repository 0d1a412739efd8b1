import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTable, type RowData, type SortingState } from '@tanstack/react-table';
import type { ColumnSpec } from './column-spec';
import { ColumnMenu } from './ColumnMenu';
import { HeaderRow } from './HeaderRow';
import { dataTableFeatures, toColumnDefs } from './table-model';
import { exportTableCsv } from './table-export';
import { usePagedRows, type FetchPage } from './use-paged-rows';
import { useTableLayout } from './use-table-layout';
import { VirtualRows, type VirtualRowsHandle } from './VirtualRows';

export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 30;
/** Rows rendered beyond each edge of the viewport, so a fast wheel does not show empty space. */
const OVERSCAN = 4;
const EMPTY: never[] = [];

export interface ServerRows<T> {
  readonly fetchPage: FetchPage<T>;
  /** Bumped when the data behind the pages changed (the visible pages are refetched). */
  readonly version: number;
}

export interface DataTableProps<T extends RowData> {
  /** Layout key in settings.tableLayouts and the data-testid prefix. */
  readonly id: string;
  /** Accessible name of the grid. */
  readonly label: string;
  /** Must be stable (module constant or memo): a new array rebuilds the column model. */
  readonly columns: readonly ColumnSpec<T>[];
  readonly getRowId: (row: T) => string;
  /** Client rows (sorted in the renderer) ... */
  readonly rows?: readonly T[];
  /** ... or rows paged and sorted by main. */
  readonly server?: ServerRows<T>;
  readonly defaultSorting?: SortingState;
  readonly emptyText?: string;
  /** Enter on the active row, or a double click. */
  readonly onActivate?: (row: T) => void;
  readonly exportName: string;
  readonly toolbar?: ReactNode;
  /** False for server lists that come in one fixed order (newest first). */
  readonly sortable?: boolean;
}

/**
 * A virtualized grid on TanStack Table: sorting, column visibility and widths persisted in the
 * workspace, CSV export, keyboard navigation (arrows, Page Up/Down, Home/End, Enter) with the
 * ARIA grid pattern. Only the rows on screen are in the DOM, so 100,000 rows scroll like 10.
 */
export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { id, label, columns, getRowId, rows, server, defaultSorting, emptyText, onActivate, exportName, toolbar, sortable = true } = props;
  const domId = useId();
  const layout = useTableLayout(id, columns, defaultSorting);
  const defs = useMemo(() => toColumnDefs(columns), [columns]);
  const table = useTable({
    features: dataTableFeatures,
    columns: defs,
    data: (rows ?? EMPTY) as T[],
    getRowId: (row: T) => getRowId(row),
    state: { sorting: layout.sorting, columnVisibility: layout.visibility, columnSizing: layout.sizing },
    onSortingChange: layout.setSorting,
    onColumnVisibilityChange: layout.setVisibility,
    onColumnSizingChange: layout.setSizing,
    manualSorting: server != null,
    columnResizeMode: 'onChange',
    // main sorts a paged list by one key only.
    enableMultiSort: server == null,
    enableSorting: sortable,
  });

  const noFetch = useCallback<FetchPage<T>>(async () => ({ total: 0, rows: [] }), []);
  const paged = usePagedRows(server?.fetchPage ?? noFetch, layout.sorting, server?.version ?? 0);
  // The table memoises its sorted model; reading it each render costs nothing when nothing changed.
  const modelRows = server ? EMPTY : table.getRowModel().rows;
  const count = server ? paged.total : modelRows.length;
  const rowAt = server ? paged.rowAt : (i: number): T | undefined => modelRows[i]?.original;

  const specById = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const visibleColumns = table.getVisibleLeafColumns();
  const visibleSpecs = useMemo(
    () => visibleColumns.map((c) => specById.get(c.id)).filter((s): s is ColumnSpec<T> => s != null),
    // The visible set changes only with visibility state or the columns themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layout.visibility, specById],
  );
  const widths = useMemo(() => {
    const out: Record<string, number> = {};
    for (const c of visibleColumns) out[c.id] = c.getSize();
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout.sizing, layout.visibility, defs]);
  const totalWidth = Object.values(widths).reduce((a, b) => a + b, 0);

  const scrollRef = useRef<HTMLDivElement>(null);
  const rowsRef = useRef<VirtualRowsHandle>(null);
  const requestRange = paged.requestRange;

  const [active, setActive] = useState<number | null>(null);
  const activeIndex = active == null || count === 0 ? null : Math.min(active, count - 1);
  const moveTo = (index: number): void => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    rowsRef.current?.scrollToIndex(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.target !== e.currentTarget || count === 0) return;
    const pageRows = Math.max(1, Math.floor((e.currentTarget.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const at = activeIndex ?? -1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(at + 1),
      ArrowUp: () => moveTo(Math.max(0, at - 1)),
      PageDown: () => moveTo(at + pageRows),
      PageUp: () => moveTo(at - pageRows),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => {
        const row = activeIndex == null ? undefined : rowAt(activeIndex);
        if (row && onActivate) onActivate(row);
      },
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const onExport = (): Promise<void> =>
    exportTableCsv({
      name: exportName,
      specs: visibleSpecs,
      rows: server ? null : modelRows.map((r) => r.original),
      fetchPage: server?.fetchPage ?? null,
      sorting: layout.sorting,
    });

  const loading = server != null && !paged.loaded;
  const rowDomId = (i: number): string => `${domId}-row-${i}`;
  return (
    <div className="dt" data-testid={`table-${id}`} data-layout={layout.saved ? 'saved' : 'pending'}>
      <div className="dt-toolbar">
        <span className="dt-count num" data-testid={`table-${id}-count`} aria-live="polite">
          {loading ? 'Loading…' : `${count.toLocaleString('en-US')} ${count === 1 ? 'row' : 'rows'}`}
        </span>
        {toolbar}
        <span className="grow" />
        <ColumnMenu table={table} specs={columns} onReset={layout.reset} testId={`table-${id}-columns`} />
        <button type="button" className="btn-ghost" onClick={() => void onExport()} data-testid={`table-${id}-csv`} disabled={count === 0}>
          Export CSV
        </button>
      </div>
      <div
        ref={scrollRef}
        className="dt-scroll"
        role="grid"
        aria-label={label}
        aria-rowcount={count + 1}
        aria-colcount={visibleSpecs.length}
        aria-busy={loading}
        aria-activedescendant={activeIndex == null ? undefined : rowDomId(activeIndex)}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid={`table-${id}-grid`}
      >
        <HeaderRow table={table} specs={visibleSpecs} widths={widths} totalWidth={totalWidth} height={HEADER_HEIGHT} multiSort={layout.sorting.length > 1} />
        <VirtualRows
          handle={rowsRef}
          scrollRef={scrollRef}
          count={count}
          rowAt={rowAt}
          revision={paged.revision}
          rowHeight={ROW_HEIGHT}
          headerHeight={HEADER_HEIGHT}
          overscan={OVERSCAN}
          specs={visibleSpecs}
          widths={widths}
          totalWidth={totalWidth}
          activeIndex={activeIndex}
          getRowId={getRowId}
          testId={`table-${id}-row`}
          domIdPrefix={domId}
          onSelect={setActive}
          onActivate={onActivate}
          onRange={server ? requestRange : undefined}
        />
        {count === 0 && !loading && (
          <p className="dt-empty" data-testid={`table-${id}-empty`}>
            {emptyText ?? 'Nothing here yet.'}
          </p>
        )}
      </div>
    </div>
  );
}
