import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Engine } from '#main/engine/engine';
import { TradingLogRepo, type StoredSnapshot } from '../store/trading-log-repo';
import { canonicalJson } from '#main/engine/state/hash';
import { restoreState, snapshotState, type EngineSnapshot } from '#main/engine/state/snapshot';
import { checkRestored, checkRestoredText, checkSnapshotHash, parseIndex, readSnapshot, replayOne } from './rebuild';
import { cutAccounts } from './snapshot-cut';
import { RESTORE_SLICE, type RestoreJob, type RestoreMessage } from './restore-protocol';

/**
 * Reopening a trading workspace off main's event loop (issue 10 item 7): a read-only connection
 * reads and checks the latest snapshot as bytes, sends main its accounts cut from them (the 55 MB
 * JSON of a 100,000-trader crowd), then its index, in slices; then, while main assembles its engine,
 * parses and restores it here too to check it serialises back to its hash, replays the tail and
 * reports the final state hash.
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
  let accountsSent: number | null = null;
  const db = new Database(job.dbPath, { readonly: true, fileMustExist: true });
  try {
    const repo = new TradingLogRepo(db);
    const bytes = repo.latestSnapshotBytes(job.toSeq);
    if (bytes && job.verify) checkSnapshotHash(bytes);
    if (job.hashOnly) {
      // Only the state hash is wanted (hash-off-main.ts): nothing travels to main but the answer.
    } else if (bytes) {
      // The accounts are cut from the body's bytes and sent before it is parsed (snapshot-cut.ts);
      // main restores them while the index is parsed and sent here.
      const cut = cutAccounts(bytes.body, RESTORE_SLICE);
      post({ kind: 'head', snapshotSeq: bytes.seq, head: JSON.parse(cut.head) as EngineSnapshot });
      for (const json of cut.pieces) postPiece({ kind: 'accounts', json });
      accountsSent = cut.accounts;
      post({ kind: 'accountsEnd' });
      const index = parseIndex(bytes.index?.toString('utf8'));
      post({ kind: 'index', index: index ? { ...index, entries: [], heaps: index.heaps.map((h) => ({ ...h, heap: { ...h.heap, items: [] } })) } : null });
      if (index) {
        slices(index.entries, (json) => postPiece({ kind: 'entries', json }));
        index.heaps.forEach((h, i) => slices(h.heap.items, (json) => postPiece({ kind: 'heapItems', heap: i, json })));
      }
    } else {
      post({ kind: 'head', snapshotSeq: 0, head: null });
      post({ kind: 'accountsEnd' });
      post({ kind: 'index', index: null });
    }
    if (!job.hashOnly) post({ kind: 'data', parseMs: performance.now() - started });
    const snap: StoredSnapshot | null = bytes ? { seq: bytes.seq, t: bytes.t, hash: bytes.hash, body: bytes.body.toString('utf8'), index: bytes.index?.toString('utf8') ?? null } : null;
    const parsed = snap ? readSnapshot(snap, false) : null;
    if (parsed && accountsSent !== null && parsed.state.accounts.length !== accountsSent) {
      throw new Error(`trading snapshot at event ${snap!.seq} was cut into ${accountsSent} accounts but holds ${parsed.state.accounts.length}`);
    }
    if (snap && parsed && snap.seq === job.toSeq) {
      // No tail (a workspace closed cleanly): the final hash is the snapshot's, and the check that
      // it restores to the same state needs the state only, not the indexes (~0.7 s of 100,000
      // liquidation entries and orders) that a tail's replay would.
      if (job.verify) checkRestoredText(canonicalJson(snapshotState(restoreState(parsed.state))), snap);
      post({ kind: 'verified', hash: snap.hash, ms: performance.now() - started });
      return;
    }
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
