import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal confirmation on the native <dialog>: the browser traps focus, Escape cancels, and the
 * confirm button has focus so Enter confirms (the trader asked for this step in Settings).
 */
export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: 'buy' | 'sell' | 'danger';
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  const { title, children, confirmLabel, tone, onConfirm, onCancel, testId } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    confirmRef.current?.focus();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm card"
      aria-labelledby={titleId}
      data-testid={testId ?? 'confirm-dialog'}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-body">{children}</div>
      <div className="confirm-actions">
        <button type="button" className="btn-ghost" onClick={onCancel} data-testid="confirm-cancel">
          Cancel
        </button>
        <button ref={confirmRef} type="button" className={`btn-solid ${tone ?? ''}`} onClick={onConfirm} data-testid="confirm-ok">
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
