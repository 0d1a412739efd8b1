import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Engine } from '#main/engine/engine';
import { TradingLogRepo, type StoredSnapshot } from '../store/trading-log-repo';
import type { EngineSnapshot } from '#main/engine/state/snapshot';
import { checkCutRestores, checkRestored, checkSnapshotHash, parseIndex, replayOne } from './rebuild';
import { cutAccounts, type CutSnapshot } from './snapshot-cut';
import { cutIndex } from './index-cut';
import { RESTORE_SLICE, type RestoreJob, type RestoreMessage } from './restore-protocol';

/**
 * Reopening a trading workspace off main's event loop (issue 10 item 7): a read-only connection
 * reads and checks the latest snapshot as bytes, sends main its accounts cut from them (the 55 MB
 * JSON of a 100,000-trader crowd), then its index cut likewise, in slices; then, while main
 * assembles its engine, checks here that the snapshot restores to its own text (a slice at a
 * time when there is no tail; else restoring it whole and replaying the tail) and reports the
 * final state hash.
 */
const post = (m: RestoreMessage): void => parentPort!.postMessage(m);
/** A piece of the snapshot: its bytes' buffer is transferred, not copied. */
const postPiece = (m: Extract<RestoreMessage, { json: Uint8Array }>): void => parentPort!.postMessage(m, [m.json.buffer as ArrayBuffer]);
const utf8 = new TextEncoder();

/** `rows` in JSON texts (UTF-8) of RESTORE_SLICE rows each. */
function slices<T>(rows: readonly T[], send: (json: Uint8Array) => void): void {
  for (let i = 0; i < rows.length; i += RESTORE_SLICE) send(utf8.encode(JSON.stringify(rows.slice(i, i + RESTORE_SLICE))));
}

/**
 * The liquidation index as `index` (without its rows), then its `entries` and `heapItems` pieces:
 * cut from its bytes (index-cut.ts), or parsed and written out again if it is laid out otherwise.
 */
function sendIndex(bytes: Buffer | null): void {
  const cut = bytes ? cutIndex(bytes, RESTORE_SLICE) : null;
  if (cut) {
    post({ kind: 'index', index: cut.head });
    for (const json of cut.entries) postPiece({ kind: 'entries', json });
    cut.heapItems.forEach((pieces, heap) => {
      for (const json of pieces) postPiece({ kind: 'heapItems', heap, json });
    });
    return;
  }
  const index = parseIndex(bytes?.toString('utf8'));
  post({ kind: 'index', index: index ? { ...index, entries: [], heaps: index.heaps.map((h) => ({ ...h, heap: { ...h.heap, items: [] } })) } : null });
  if (index) {
    slices(index.entries, (json) => postPiece({ kind: 'entries', json }));
    index.heaps.forEach((h, i) => slices(h.heap.items, (json) => postPiece({ kind: 'heapItems', heap: i, json })));
  }
}

export function runRestoreJob(job: RestoreJob): void {
  const started = performance.now();
  const db = new Database(job.dbPath, { readonly: true, fileMustExist: true });
  try {
    const repo = new TradingLogRepo(db);
    // One read transaction: the snapshot, its index (read once the accounts are on their way) and
    // the tail are of the same moment of the file.
    db.exec('BEGIN');
    const bytes = repo.latestSnapshotBytes(job.toSeq);
    let indexBytes: { readonly bytes: Buffer | null } | null = null;
    const index = (): Buffer | null => (indexBytes ??= { bytes: bytes ? repo.snapshotIndexBytes(bytes.seq) : null }).bytes;
    // The accounts are cut from the body's bytes and each piece is sent as soon as it is cut
    // (snapshot-cut.ts), before the body's hash is checked: main restores them meanwhile, and
    // adopts nothing before this worker's `verified` (restore-off-main.ts). Only the state hash
    // is wanted with hashOnly (hash-off-main.ts): nothing travels to main but the answer.
    // Main shares the check only of a snapshot at the head, checked a piece at a time (below).
    const mainChecks = bytes && job.verify && !job.hashOnly && bytes.seq === job.toSeq ? (job.mainChecks ?? 0) : 0;
    const send = bytes && !job.hashOnly
      ? {
          head: (head: string) => post({ kind: 'head', snapshotSeq: bytes.seq, head: JSON.parse(head) as EngineSnapshot, mainChecks }),
          piece: (json: Uint8Array) => postPiece({ kind: 'accounts', json }),
        }
      : undefined;
    let cut: CutSnapshot | null = null;
    try {
      cut = bytes ? cutAccounts(bytes.body, RESTORE_SLICE, send) : null;
    } catch (err) {
      // A body that cannot be cut (or whose head does not parse) is named by its hash when damaged.
      if (bytes && job.verify) checkSnapshotHash(bytes);
      throw err;
    }
    if (send) post({ kind: 'accountsEnd' });
    if (bytes && job.verify) checkSnapshotHash(bytes);
    if (job.hashOnly) {
      // The answer alone (above).
    } else if (bytes && cut) {
      sendIndex(index());
    } else {
      post({ kind: 'head', snapshotSeq: 0, head: null, mainChecks: 0 });
      post({ kind: 'accountsEnd' });
      post({ kind: 'index', index: null });
    }
    if (!job.hashOnly) post({ kind: 'data', parseMs: performance.now() - started });
    if (bytes && cut && bytes.seq === job.toSeq) {
      // No tail (a workspace closed cleanly): the final hash is the snapshot's, and the check that
      // it restores to the same state takes the cut a slice at a time; it needs neither the index
      // (15 MB to parse) nor the indexes (~0.7 s of 100,000 liquidation entries and orders) that a
      // tail's replay would.
      if (job.verify) checkCutRestores(bytes.body, cut, bytes.seq, mainChecks);
      post({ kind: 'verified', hash: bytes.hash, ms: performance.now() - started });
      return;
    }
    const snap: StoredSnapshot | null = bytes ? { seq: bytes.seq, t: bytes.t, hash: bytes.hash, body: bytes.body.toString('utf8'), index: null } : null;
    const state = snap ? (JSON.parse(snap.body) as EngineSnapshot) : null;
    if (state && cut && state.accounts.length !== cut.accounts) {
      throw new Error(`trading snapshot at event ${snap!.seq} was cut into ${cut.accounts} accounts but holds ${state.accounts.length}`);
    }
    const parsedIndex = parseIndex(index()?.toString('utf8'));
    const engine = state ? Engine.restore(state, parsedIndex ? { index: parsedIndex } : {}) : new Engine();
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
