import {
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type Row,
  type RowData,
} from '@tanstack/react-table';
import { compareDecimal } from '../format/decimal-text';
import type { ColumnSpec } from './column-spec';

/** The Table features every DataTable uses: client sorting (or manual), sizing, resizing, visibility. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnSizingFeature,
  columnResizingFeature,
  columnVisibilityFeature,
});
export type DataTableFeatures = typeof dataTableFeatures;

type Value = string | number | null;

function comparator<T extends RowData>(kind: 'decimal' | 'number' | 'text') {
  return (a: Row<DataTableFeatures, T>, b: Row<DataTableFeatures, T>, id: string): number => {
    const va = a.getValue<Value>(id);
    const vb = b.getValue<Value>(id);
    switch (kind) {
      case 'decimal':
        return compareDecimal(va == null ? null : String(va), vb == null ? null : String(vb));
      case 'number':
        return (Number(va ?? -Infinity) || 0) - (Number(vb ?? -Infinity) || 0);
      case 'text':
        return String(va ?? '').localeCompare(String(vb ?? ''));
      default: {
        const never: never = kind;
        throw new Error(`unknown sort ${String(never)}`);
      }
    }
  };
}

function sortKind<T>(spec: ColumnSpec<T>): 'decimal' | 'number' | 'text' | false {
  if (spec.sort !== undefined) return spec.sort;
  if (!spec.value) return false;
  return spec.align === 'end' ? 'decimal' : 'text';
}

/** ColumnSpecs -> TanStack column definitions. Display stays with the spec (see DataTable). */
export function toColumnDefs<T extends RowData>(specs: readonly ColumnSpec<T>[]): ColumnDef<DataTableFeatures, T, unknown>[] {
  return specs.map((spec) => {
    const kind = sortKind(spec);
    const value = spec.value;
    return {
      id: spec.id,
      header: spec.header,
      accessorFn: value ? (row: T) => value(row) : () => null,
      enableSorting: kind !== false,
      sortFn: kind === false ? undefined : comparator<T>(kind),
      sortUndefined: 'last',
      sortDescFirst: kind === 'decimal' || kind === 'number',
      enableHiding: spec.hideable !== false,
      size: spec.size ?? 110,
      minSize: spec.minSize ?? 48,
      maxSize: 2000,
    };
  });
}
