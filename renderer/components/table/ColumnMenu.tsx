import { useEffect, useId, useRef, useState } from 'react';
import type { ReactTable, RowData } from '@tanstack/react-table';
import type { ColumnSpec } from './column-spec';
import type { DataTableFeatures } from './table-model';

/**
 * "Columns" menu: a checkbox per hideable column and a reset of the whole layout. A disclosure
 * (button + panel) rather than a menu role, because it holds checkboxes the user tabs through;
 * Escape closes it and gives focus back to the button.
 */
export function ColumnMenu<T extends RowData>(props: {
  table: ReactTable<DataTableFeatures, T, unknown>;
  specs: readonly ColumnSpec<T>[];
  onReset: () => void;
  testId: string;
}) {
  const { table, specs, onReset, testId } = props;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      const target = e.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div className="dt-menu">
      <button
        ref={buttonRef}
        type="button"
        className="btn-ghost"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        Columns
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          className="dt-menu-panel card"
          role="group"
          aria-label="Visible columns"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          {specs.map((spec) => {
            const column = table.getColumn(spec.id);
            if (!column) return null;
            return (
              <label key={spec.id} className="dt-menu-item">
                <input
                  type="checkbox"
                  checked={column.getIsVisible()}
                  disabled={!column.getCanHide()}
                  onChange={(e) => column.toggleVisibility(e.target.checked)}
                  data-testid={`${testId}-${spec.id}`}
                  // Focus lands on the first box when the panel opens, so arrows and Tab work at once.
                  autoFocus={spec === specs[0]}
                />
                <span>{spec.description ?? spec.header}</span>
              </label>
            );
          })}
          <button type="button" className="btn-ghost dt-menu-reset" onClick={onReset}>
            Reset sorting, columns and widths
          </button>
        </div>
      )}
    </div>
  );
}
