import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * The side panel that opens behind any number: what it is, the formula, the inputs with their
 * values, the bracket used. Non-modal (the chart keeps running beside it); focus moves to it on
 * open and back to whatever opened it on close; Escape closes.
 */
export function ExplainPanel(props: { title: string; subtitle?: string; onClose: () => void; children: ReactNode; testId?: string }) {
  const { title, subtitle, onClose, children, testId } = props;
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <aside
      className="explain card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      data-testid={testId ?? 'explain-panel'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="explain-head">
        <div>
          <h2 id={titleId}>{title}</h2>
          {subtitle && <p className="explain-sub">{subtitle}</p>}
        </div>
        <button ref={closeRef} type="button" className="toast-close" aria-label="Close explanation" onClick={onClose} data-testid="explain-close">
          ×
        </button>
      </header>
      <div className="explain-body">{children}</div>
    </aside>
  );
}

/** A formula as published, in monospace; `result` is the number it produced. */
export function Formula({ text, result }: { text: string; result?: ReactNode }) {
  return (
    <section className="explain-section" aria-label="Formula">
      <h3>Formula</h3>
      <pre className="explain-formula mono" data-testid="explain-formula">
        {text}
      </pre>
      {result != null && <p className="explain-result num">{result}</p>}
    </section>
  );
}

export interface ExplainInput {
  readonly symbol?: string;
  readonly label: string;
  readonly value: ReactNode;
  readonly note?: string;
}

/** The inputs the formula was evaluated with, each with its value. */
export function InputsTable({ inputs, title = 'Inputs' }: { inputs: readonly ExplainInput[]; title?: string }) {
  return (
    <section className="explain-section" aria-label={title}>
      <h3>{title}</h3>
      <table className="explain-table" data-testid="explain-inputs">
        <tbody>
          {inputs.map((i) => (
            <tr key={`${i.symbol ?? ''}${i.label}`}>
              <th scope="row">
                {i.symbol && <code className="explain-sym">{i.symbol}</code>}
                {i.label}
                {i.note && <span className="explain-note">{i.note}</span>}
              </th>
              <td className="num">{i.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
