import { useId, useRef, useState, type DragEvent } from 'react';
import { CANDLE_KINDS, INTERVALS } from '#shared/domain/market-series';
import { IMPORT_FORMATS, type ImportOptions, type ImportProblem, type ImportSummary } from '#shared/domain/market-import';
import { useApi } from '../../api/context';
import { bytes, count } from './data-format';
import { uiHint } from './import-hints';
import { ImportResult } from './ImportResult';
import { useImportProgress } from './use-market';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; file: string; index: number; total: number; sent: number; size: number }
  | { kind: 'importing' }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'failed'; message: string; problem: ImportProblem | null };

type Declared = Required<{ [K in 'format' | 'venue' | 'symbol' | 'interval' | 'kind' | 'utcOffset']: string }>;
const NONE: Declared = { format: '', venue: '', symbol: '', interval: '', kind: '', utcOffset: '' };

/**
 * Import exchange files: pick or drop them, optionally declare what the file cannot say, and watch
 * the progress. The same code path in both shells: a file becomes a path main can read (Electron
 * gives its own path, the web host stores an upload), then market.import reads it all-or-nothing.
 */
export function ImportTab() {
  const api = useApi();
  const progress = useImportProgress();
  const [files, setFiles] = useState<File[]>([]);
  const [declared, setDeclared] = useState<Declared>(NONE);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = { files: useId(), declare: useId() };
  const busy = phase.kind === 'uploading' || phase.kind === 'importing';

  const add = (list: FileList | null): void => {
    if (!list) return;
    setFiles((prev) => [...prev, ...[...list].filter((f) => !prev.some((p) => p.name === f.name && p.size === f.size))]);
    setPhase({ kind: 'idle' });
  };

  const run = async (): Promise<void> => {
    const paths: string[] = [];
    const names: string[] = [];
    for (const [index, file] of files.entries()) {
      setPhase({ kind: 'uploading', file: file.name, index, total: files.length, sent: 0, size: file.size });
      const r = await api.fileToPath(file, (sent) => setPhase({ kind: 'uploading', file: file.name, index, total: files.length, sent, size: file.size }));
      if (!r.ok) return setPhase({ kind: 'failed', message: r.error.message, problem: null });
      paths.push(r.value.path);
      names.push(file.name);
    }
    setPhase({ kind: 'importing' });
    const options = Object.fromEntries(Object.entries(declared).filter(([, v]) => v !== '')) as ImportOptions;
    const r = await api.call('market.import', { paths, names, options });
    if (r.ok) {
      setPhase({ kind: 'done', summary: r.value });
      setFiles([]);
    } else {
      setPhase({ kind: 'failed', message: r.error.message, problem: (r.error.details?.problem as ImportProblem | undefined) ?? null });
    }
  };

  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };

  return (
    <div className="dv-import">
      <section className="card dv-pane" aria-labelledby={ids.files}>
        <h2 id={ids.files}>Files</h2>
        <div
          className={`dv-drop${dragging ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="import-drop"
        >
          <p>Drop exchange files here, or</p>
          <button type="button" className="dv-btn" onClick={() => input.current?.click()} disabled={busy} data-testid="import-choose">
            Choose files…
          </button>
          <input ref={input} type="file" multiple accept=".csv,.zip,.gz" hidden onChange={(e) => add(e.target.files)} data-testid="import-input" />
          <p className="faint">
            Binance klines, mark/index/premium klines, funding and bookDepth (CSV or the .zip they ship in), Bybit funding, or any OHLCV CSV with a header.
          </p>
        </div>
        {files.length > 0 && (
          <ul className="dv-files" data-testid="import-files">
            {files.map((f) => (
              <li key={`${f.name}-${f.size}`}>
                <span className="mono">{f.name}</span> <span className="faint">{bytes(f.size)}</span>
                <button type="button" className="dv-link" disabled={busy} onClick={() => setFiles((prev) => prev.filter((p) => p !== f))} aria-label={`Remove ${f.name}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="dv-actions">
          <button type="button" className="dv-btn solid" disabled={files.length === 0 || busy} onClick={() => void run()} data-testid="import-run">
            Import {files.length > 0 ? `${files.length} file${files.length === 1 ? '' : 's'}` : ''}
          </button>
          {busy && (
            <button type="button" className="dv-btn ghost" onClick={() => void api.call('market.cancelImport')} data-testid="import-cancel">
              Cancel
            </button>
          )}
        </div>
        <Progress phase={phase} progress={progress} />
      </section>

      <section className="card dv-pane" aria-labelledby={ids.declare}>
        <h2 id={ids.declare}>Declare what the file cannot say</h2>
        <p className="faint">Leave a field on “detect” and the importer reads it from the file name and content, and says what it assumed.</p>
        <div className="dv-form">
          <Choice label="Format" value={declared.format} options={IMPORT_FORMATS} onChange={(format) => setDeclared({ ...declared, format })} />
          <Text label="Venue" placeholder="binance, binance-spot, bybit…" value={declared.venue} onChange={(venue) => setDeclared({ ...declared, venue: venue.toLowerCase() })} />
          <Text label="Symbol" placeholder="BTCUSDT" value={declared.symbol} onChange={(symbol) => setDeclared({ ...declared, symbol: symbol.toUpperCase() })} />
          <Choice label="Interval" value={declared.interval} options={INTERVALS} onChange={(interval) => setDeclared({ ...declared, interval })} />
          <Choice label="Kind" value={declared.kind} options={CANDLE_KINDS} onChange={(kind) => setDeclared({ ...declared, kind })} />
          <Text label="UTC offset of local times" placeholder="+03:00" value={declared.utcOffset} onChange={(utcOffset) => setDeclared({ ...declared, utcOffset })} />
        </div>
      </section>

      {phase.kind === 'done' && <ImportResult summary={phase.summary} />}
      {phase.kind === 'failed' && <ImportFailure message={phase.message} problem={phase.problem} />}
    </div>
  );
}

function Progress({ phase, progress }: { phase: Phase; progress: ReturnType<typeof useImportProgress> }) {
  if (phase.kind === 'uploading') {
    const pct = phase.size > 0 ? Math.floor((100 * phase.sent) / phase.size) : 0;
    return (
      <div className="dv-progress" role="status" data-testid="import-progress" data-phase="uploading">
        <span>
          Sending {phase.file} ({phase.index + 1} of {phase.total})
        </span>
        <progress max={100} value={pct} aria-label="Upload progress" />
      </div>
    );
  }
  if (phase.kind !== 'importing') return null;
  const pct = progress && progress.bytesTotal > 0 ? Math.floor((100 * progress.bytesRead) / progress.bytesTotal) : undefined;
  return (
    <div className="dv-progress" role="status" data-testid="import-progress" data-phase={progress?.phase ?? 'reading'}>
      <span>
        {progress?.phase === 'committing' ? 'Writing to the workspace…' : `Reading ${progress ? `${progress.file.split(/[\\/]/).pop()} (${progress.fileIndex + 1} of ${progress.fileCount})` : '…'}`}
        {progress && progress.rows > 0 && ` · ${count(progress.rows)} rows`}
      </span>
      <progress max={100} value={progress?.phase === 'committing' ? 100 : pct} aria-label="Import progress" />
    </div>
  );
}

function ImportFailure({ message, problem }: { message: string; problem: ImportProblem | null }) {
  return (
    <section className="card dv-pane dv-failure" role="alert" data-testid="import-error">
      <h2>Nothing was imported</h2>
      {problem ? (
        <dl className="dv-dl">
          <dt>File</dt>
          <dd className="mono" data-testid="problem-file">
            {problem.file}
          </dd>
          {problem.line > 0 && (
            <>
              <dt>Where</dt>
              <dd data-testid="problem-where">
                line {problem.line}, column {problem.column}
                {problem.field && ` (${problem.field})`}
              </dd>
              <dt>Expected</dt>
              <dd>{uiHint(problem.expected)}</dd>
              <dt>Found</dt>
              <dd className="mono">“{problem.found}”</dd>
            </>
          )}
          <dt>Problem</dt>
          <dd data-testid="problem-message">{uiHint(problem.message)}</dd>
        </dl>
      ) : (
        <p data-testid="problem-message">{uiHint(message)}</p>
      )}
      <p className="faint">A bad file changes nothing in the workspace: fix it (or declare what it holds) and import again.</p>
    </section>
  );
}

function Choice({ label, value, options, onChange }: { label: string; value: string; options: readonly string[]; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="dv-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={`declare-${label.toLowerCase().split(' ')[0]}`}>
        <option value="">detect</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

function Text({ label, value, placeholder, onChange }: { label: string; value: string; placeholder: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="dv-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} placeholder={placeholder} spellCheck={false} onChange={(e) => onChange(e.target.value.trim())} data-testid={`declare-${label.toLowerCase().split(' ')[0]}`} />
    </div>
  );
}
