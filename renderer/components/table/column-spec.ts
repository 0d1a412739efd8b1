import type { ReactNode } from 'react';

/**
 * How a table column is declared by a view. The DataTable turns these into TanStack Table column
 * definitions (sorting, sizing, visibility) and uses `value` for sorting and CSV, `cell` for display.
 */
export interface ColumnSpec<T> {
  /** Stable id: the key for persisted widths, sort and visibility, and for server-side sorting. */
  readonly id: string;
  readonly header: string;
  /** Longer name for screen readers and the header tooltip ("Unrealized PnL at the mark price"). */
  readonly description?: string;
  /**
   * The raw value: a decimal string for money and prices (sorted exactly, exported unrounded),
   * a number for times and counts, a string for text. Null sorts last.
   */
  readonly value?: (row: T) => string | number | null;
  /** How the value is compared: decimal strings exactly, numbers numerically, text by locale. */
  readonly sort?: 'decimal' | 'number' | 'text' | false;
  /** Display; defaults to the value as text. Plain text scrolls cheapest (see text-fit.ts). */
  readonly cell?: (row: T) => ReactNode;
  /** Extra class names of the cell (`up`, `down`, `side-tag`, `strong`), so `cell` can stay plain text. */
  readonly tone?: (row: T) => string | undefined;
  /** CSV text; defaults to the raw value (decimal strings unrounded, times in ISO UTC when sort is 'number' and time is set). */
  readonly csv?: ((row: T) => string) | false;
  /** The value is a UTC time in ms: CSV writes ISO 8601. */
  readonly time?: boolean;
  readonly align?: 'start' | 'end' | 'center';
  readonly size?: number;
  readonly minSize?: number;
  readonly hideable?: boolean;
  readonly defaultHidden?: boolean;
  /** Stays at the right edge while the rest scrolls sideways (row actions on a narrow screen). */
  readonly pinEnd?: boolean;
}

export function csvValue<T>(spec: ColumnSpec<T>, row: T): string {
  if (spec.csv === false) return '';
  if (spec.csv) return spec.csv(row);
  const v = spec.value?.(row);
  if (v == null) return '';
  if (spec.time && typeof v === 'number') return new Date(v).toISOString();
  return String(v);
}

export function isExported<T>(spec: ColumnSpec<T>): boolean {
  return spec.csv !== false && (spec.csv != null || spec.value != null);
}
