import type { SortingState } from '@tanstack/react-table';
import { csvValue, isExported, type ColumnSpec } from './column-spec';
import { downloadText, toCsv } from './csv';
import type { FetchPage } from './use-paged-rows';

/** The largest page the paged channels accept. */
const EXPORT_PAGE = 500;

/**
 * Writes the table as CSV: the visible columns, in the current sort order, every row (server
 * tables are read page by page from main, so the file holds all 100,000 crowd positions, not just
 * the ones on screen).
 */
export async function exportTableCsv<T>(args: {
  name: string;
  specs: readonly ColumnSpec<T>[];
  rows: readonly T[] | null;
  fetchPage: FetchPage<T> | null;
  sorting: SortingState;
}): Promise<void> {
  const specs = args.specs.filter(isExported);
  const header = specs.map((s) => s.header);
  let all: readonly T[] = args.rows ?? [];
  if (!args.rows && args.fetchPage) {
    const out: T[] = [];
    let total = Infinity;
    for (let offset = 0; offset < total; offset += EXPORT_PAGE) {
      const page = await args.fetchPage({ offset, limit: EXPORT_PAGE, sorting: args.sorting });
      total = page.total;
      out.push(...page.rows);
      if (page.rows.length === 0) break;
    }
    all = out;
  }
  const text = toCsv(
    header,
    all.map((row) => specs.map((s) => csvValue(s, row))),
  );
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  downloadText(`levdesk-${args.name}-${stamp}.csv`, text);
}
