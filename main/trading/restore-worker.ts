import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Engine } from '#main/engine/engine';
import { TradingLogRepo } from '../store/trading-log-repo';
import { checkRestored, readSnapshot, replayOne } from './rebuild';
import { RESTORE_SLICE, type RestoreJob, type RestoreMessage } from './restore-protocol';

/**
 * Reopening a trading workspace off main's event loop (issue 10 item 7): a read-only connection
 * reads and checks the latest snapshot, parses it (the 50 MB JSON of a 100,000-trader crowd) and
 * sends it to main in slices; then, while main assembles its engine, restores it here too to
 * check it serialises back to its hash, replays the tail and reports the final state hash.
 */
const post = (m: RestoreMessage): void => parentPort!.postMessage(m);
/** A piece of the snapshot: its bytes' buffer is transferred, not copied. */
const postPiece = (m: Extract<RestoreMessage, { json: Uint8Array }>): void => parentPort!.postMessage(m, [m.json.buffer as ArrayBuffer]);
const utf8 = new TextEncoder();

/** `rows` in JSON texts (UTF-8) of RESTORE_SLICE rows each. */
function slices<T>(rows: readonly T[], send: (json: Uint8Array) => void): void {
  for (let i = 0; i < rows.length; i += RESTORE_SLICE) send(utf8.encode(JSON.stringify(rows.slice(i, i + RESTORE_SLICE))));
}

export function runRestoreJob(job: RestoreJob): void {
  const started = performance.now();
  const db = new Database(job.dbPath, { readonly: true, fileMustExist: true });
  try {
    const repo = new TradingLogRepo(db);
    const snap = repo.latestSnapshot(job.toSeq);
    const parsed = snap ? readSnapshot(snap, job.verify) : null;
    if (job.hashOnly) {
      // Only the state hash is wanted (hash-off-main.ts): nothing travels to main but the answer.
    } else if (parsed) {
      const { state, index } = parsed;
      const idx = index ? { ...index, entries: [], heaps: index.heaps.map((h) => ({ ...h, heap: { ...h.heap, items: [] } })) } : null;
      post({ kind: 'head', snapshotSeq: snap!.seq, head: { ...state, accounts: [] }, index: idx });
      slices(state.accounts, (json) => postPiece({ kind: 'accounts', json }));
      if (index) {
        slices(index.entries, (json) => postPiece({ kind: 'entries', json }));
        index.heaps.forEach((h, i) => slices(h.heap.items, (json) => postPiece({ kind: 'heapItems', heap: i, json })));
      }
    } else {
      post({ kind: 'head', snapshotSeq: 0, head: null, index: null });
    }
    if (!job.hashOnly) post({ kind: 'data', parseMs: performance.now() - started });
    const engine = parsed ? Engine.restore(parsed.state, parsed.index ? { index: parsed.index } : {}) : new Engine();
    if (snap && job.verify) checkRestored(engine, snap);
    for (const { seq, event } of repo.events((snap?.seq ?? 0) + 1, job.toSeq)) replayOne(engine, seq, event);
    post({ kind: 'verified', hash: engine.stateHash(), ms: performance.now() - started });
  } finally {
    db.close();
  }
}

parentPort?.on('message', (job: RestoreJob) => {
  try {
    runRestoreJob(job);
  } catch (err) {
    post({ kind: 'error', message: (err as Error).message });
  }
});
