import { useRef, useState } from 'react';
import type { JournalImportResult } from '#shared/journal/journal-import';
import { useApi } from '../../api/context';
import { utcDateTime } from './use-journal';

type Phase = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'preview'; result: JournalImportResult } | { kind: 'done'; result: JournalImportResult } | { kind: 'failed'; message: string };

/** Pick exports, preview what they hold and what would be added, then import all of them or nothing. */
export function ImportTab(props: { onImported: () => void }) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [account, setAccount] = useState('');
  const [paths, setPaths] = useState<{ paths: string[]; names: string[] } | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  const upload = async (): Promise<{ paths: string[]; names: string[] } | null> => {
    if (paths) return paths;
    const out = { paths: [] as string[], names: [] as string[] };
    for (const f of files) {
      setPhase({ kind: 'busy', what: `Sending ${f.name}…` });
      const r = await api.fileToPath(f);
      if (!r.ok) {
        setPhase({ kind: 'failed', message: r.error.message });
        return null;
      }
      out.paths.push(r.value.path);
      out.names.push(f.name);
    }
    setPaths(out);
    return out;
  };
  const run = async (preview: boolean) => {
    const p = await upload();
    if (!p) return;
    setPhase({ kind: 'busy', what: preview ? 'Reading…' : 'Importing…' });
    const r = await api.call('journal.import', { ...p, preview, ...(account.trim() ? { account: account.trim() } : {}) });
    if (!r.ok) return setPhase({ kind: 'failed', message: r.error.message });
    setPhase({ kind: preview ? 'preview' : 'done', result: r.value });
    if (!preview) {
      setFiles([]);
      setPaths(null);
      props.onImported();
    }
  };
  const result = phase.kind === 'preview' || phase.kind === 'done' ? phase.result : null;
  return (
    <div className="jv-import">
      <p className="faint">
        Binance Futures (USDⓈ-M, COIN-M) trade, order, position and transaction history; Bybit Closed P&amp;L and executions; or the generic template
        <code> time,symbol,side,price,quantity,fee,fee_asset,realized_pnl,trade_id,position_side,order_id</code>. Nothing is written until you import, and a bad row refuses every file.
      </p>
      <div className="jv-row">
        <input
          ref={input}
          type="file"
          multiple
          accept=".csv"
          onChange={(e) => {
            setFiles([...(e.target.files ?? [])]);
            setPaths(null);
            setPhase({ kind: 'idle' });
          }}
          data-testid="journal-import-files"
        />
        <label className="jv-field">
          <span>Account (optional)</span>
          <input value={account} onChange={(e) => setAccount(e.target.value)} placeholder="binance" data-testid="journal-import-account" />
        </label>
        <button type="button" className="btn-ghost" disabled={files.length === 0 || phase.kind === 'busy'} onClick={() => void run(true)} data-testid="journal-import-preview">
          Preview
        </button>
        <button type="button" className="btn-primary" disabled={files.length === 0 || phase.kind === 'busy'} onClick={() => void run(false)} data-testid="journal-import-commit">
          Import
        </button>
      </div>
      {phase.kind === 'busy' && <p role="status">{phase.what}</p>}
      {phase.kind === 'failed' && (
        <p role="alert" className="down" data-testid="journal-import-error">
          {phase.message}
        </p>
      )}
      {result && (
        <div data-testid={phase.kind === 'preview' ? 'journal-import-preview-result' : 'journal-import-done'}>
          <p role="status">
            {phase.kind === 'preview' ? `Would add ${result.rowsAdded} rows (nothing written yet); the journal would hold ${result.trips} round trips.` : `Added ${result.rowsAdded} rows; the journal holds ${result.trips} round trips.`}
          </p>
          <table className="jv-table-plain">
            <thead>
              <tr><th>File</th><th>Format</th><th>Rows</th><th>{phase.kind === 'preview' ? 'Would add' : 'Added'}</th><th>Range (UTC)</th><th>Accounts</th><th>Assets</th><th>Notes</th></tr>
            </thead>
            <tbody>
              {result.files.map((f) => (
                <tr key={f.file}>
                  <td>{f.file}</td><td>{f.format}</td><td className="num">{f.rowsRead}</td><td className="num">{f.rowsAdded}</td>
                  <td>{utcDateTime(f.from)} – {utcDateTime(f.to)}</td><td>{f.accounts.join(', ')}</td><td>{f.assets.join(', ')}</td><td className="faint">{f.notes.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
