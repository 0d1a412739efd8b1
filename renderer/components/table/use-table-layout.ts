import { useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnSizingState, ColumnVisibilityState, SortingState } from '@tanstack/react-table';
import type { TableLayout } from '#shared/domain/settings';
import { useSettings } from '../../app/settings-context';
import type { ColumnSpec } from './column-spec';

const SAVE_DELAY_MS = 400;
const MIN_WIDTH = 40;
const MAX_WIDTH = 2000;

export interface TableLayoutState {
  readonly sorting: SortingState;
  readonly visibility: ColumnVisibilityState;
  readonly sizing: ColumnSizingState;
  setSorting(next: SortingState | ((prev: SortingState) => SortingState)): void;
  setVisibility(next: ColumnVisibilityState | ((prev: ColumnVisibilityState) => ColumnVisibilityState)): void;
  setSizing(next: ColumnSizingState | ((prev: ColumnSizingState) => ColumnSizingState)): void;
  reset(): void;
  /** The layout on screen is the one in the workspace (false while a save is pending). */
  readonly saved: boolean;
}

function initialVisibility<T>(columns: readonly ColumnSpec<T>[], hidden: readonly string[] | undefined): ColumnVisibilityState {
  const out: ColumnVisibilityState = {};
  for (const c of columns) {
    const isHidden = hidden ? hidden.includes(c.id) : c.defaultHidden === true;
    if (isHidden) out[c.id] = false;
  }
  return out;
}

function toLayout(sorting: SortingState, visibility: ColumnVisibilityState, sizing: ColumnSizingState): TableLayout {
  const widths: Record<string, number> = {};
  for (const [id, w] of Object.entries(sizing)) widths[id] = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(w)));
  return {
    sorting: sorting.slice(0, 8).map((s) => ({ id: s.id, desc: s.desc })),
    hidden: Object.entries(visibility)
      .filter(([, v]) => v === false)
      .map(([id]) => id)
      .slice(0, 64),
    widths,
  };
}

/**
 * Sorting, hidden columns and widths of one table, started from the workspace settings and
 * written back (debounced, so a column drag is one save) through settings.update({ tableLayouts }).
 */
export function useTableLayout<T>(tableId: string, columns: readonly ColumnSpec<T>[], defaultSorting: SortingState = []): TableLayoutState {
  const { settings, update } = useSettings();
  const saved = settings.tableLayouts[tableId];
  const [sorting, setSorting] = useState<SortingState>(() => saved?.sorting ?? defaultSorting);
  const [visibility, setVisibility] = useState<ColumnVisibilityState>(() => initialVisibility(columns, saved?.hidden));
  const [sizing, setSizing] = useState<ColumnSizingState>(() => ({ ...(saved?.widths ?? {}) }));

  // The latest settings are read when the timer fires, so two tables saving one after the
  // other do not overwrite each other's layouts with a stale copy.
  const latest = useRef({ layouts: settings.tableLayouts, update });
  useEffect(() => {
    latest.current = { layouts: settings.tableLayouts, update };
  }, [settings.tableLayouts, update]);

  const layout = useMemo(() => toLayout(sorting, visibility, sizing), [sorting, visibility, sizing]);
  const savedJson = saved ? JSON.stringify(saved) : null;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const json = JSON.stringify(layout);
    if (json === savedJson) return;
    const timer = setTimeout(() => {
      const { layouts, update: save } = latest.current;
      void save({ tableLayouts: { ...layouts, [tableId]: layout } });
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [layout, savedJson, tableId]);

  const defaultJson = JSON.stringify(toLayout(defaultSorting, initialVisibility(columns, undefined), {}));
  const layoutJson = JSON.stringify(layout);
  return {
    saved: layoutJson === (savedJson ?? defaultJson),
    sorting,
    visibility,
    sizing,
    setSorting,
    setVisibility,
    setSizing,
    reset: () => {
      setSorting(defaultSorting);
      setVisibility(initialVisibility(columns, undefined));
      setSizing({});
    },
  };
}
