import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Engine } from '#main/engine/engine';
import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import { canonicalJson } from '#main/engine/state/hash';
import type { EngineSnapshot } from '#main/engine/state/snapshot';
import type { Db } from '../store/db-types';
import { TradingLogRepo } from '../store/trading-log-repo';
import { checkRestored, readSnapshot, rebuild, replayOne, sha256 } from './rebuild';
import { STATE_SLICE, type StatePart, type WorkerJob, type WorkerMessage } from './trading-worker-protocol';

/**
 * The trading engine's second thread (issue 10 item 7). It does the work that grows with the
 * crowd, so main's event loop never holds it: it rebuilds a workspace's engine (reopen), applies
 * the tick that opens a big crowd, sends the state to main in slices, and then stays alive as a
 * replica of main's engine (the same events, so the same state hash) that writes the snapshots:
 * serialising and hashing 100,000 positions takes seconds. It decides nothing: main's engine is
 * the one that answers the trader.
 */
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

let db: Db | null = null;
let repo: TradingLogRepo | null = null;
let engine: Engine | null = null;
let writing: Int32Array | null = null;

/**
 * Sends a state to main: its head, and its accounts and index rows as JSON slices packed in one
 * buffer that is transferred, not copied (a structured clone of 100,000 accounts, or a flood of
 * small messages, is deserialised on main in one task: seconds).
 */
function sendState(seq: number, state: EngineSnapshot | null, index: LiquidationIndexData | undefined, started: number): void {
  if (!state) {
    post({ kind: 'state', snapshotSeq: 0, head: null, index: null, slices: new ArrayBuffer(0), parts: [], ms: performance.now() - started });
    return;
  }
  const texts: string[] = [];
  const kinds: Array<Pick<StatePart, 'rows' | 'heap'>> = [];
  const add = (rows: StatePart['rows'], heap: number, all: readonly unknown[]): void => {
    for (let i = 0; i < all.length; i += STATE_SLICE) {
      texts.push(JSON.stringify(all.slice(i, i + STATE_SLICE)));
      kinds.push({ rows, heap });
    }
  };
  add('accounts', 0, state.accounts);
  if (index) {
    add('entries', 0, index.entries);
    index.heaps.forEach((h, i) => add('heapItems', i, h.heap.items));
  }
  const bytes = new Uint8Array(texts.reduce((n, t) => n + Buffer.byteLength(t), 0));
  const encoder = new TextEncoder();
  const parts: StatePart[] = [];
  let at = 0;
  texts.forEach((t, i) => {
    const { written } = encoder.encodeInto(t, bytes.subarray(at));
    parts.push({ ...kinds[i]!, from: at, to: at + written });
    at += written;
  });
  const idx = index ? { ...index, entries: [], heaps: index.heaps.map((h) => ({ ...h, heap: { ...h.heap, items: [] } })) } : null;
  const message: WorkerMessage = { kind: 'state', snapshotSeq: seq, head: { ...state, accounts: [] }, index: idx, slices: bytes.buffer, parts, ms: performance.now() - started };
  parentPort!.postMessage(message, [bytes.buffer]);
}

function restore(job: Extract<WorkerJob, { kind: 'restore' }>): void {
  const started = performance.now();
  writing = new Int32Array(job.writing);
  db = new Database(job.dbPath, { fileMustExist: true });
  // Main commits a group of market events now and then; the replica's snapshot waits its turn.
  db.pragma('busy_timeout = 5000');
  // Its writes are snapshots, derivable from the log: no fsync, so main's commits wait less for the lock.
  db.pragma('synchronous = NORMAL');
  repo = new TradingLogRepo(db);
  if (job.then.length === 0) {
    // A plain reopen: main may start from the stored snapshot while this thread checks it.
    const snap = repo.latestSnapshot(job.toSeq);
    const parsed = snap ? readSnapshot(snap, job.verify) : null;
    sendState(snap?.seq ?? 0, parsed?.state ?? null, parsed?.index, started);
    engine = parsed ? Engine.restore(parsed.state, parsed.index ? { index: parsed.index } : {}) : new Engine();
    if (snap && job.verify) checkRestored(engine, snap);
    for (const { seq, event } of repo.events((snap?.seq ?? 0) + 1, job.toSeq)) replayOne(engine, seq, event);
    post({ kind: 'verified', hash: engine.stateHash(), ms: performance.now() - started });
    return;
  }
  // Opening a crowd: the engine as of toSeq, then the events main handed over (the crowd's tick).
  engine = rebuild(repo, job.toSeq, job.verify).engine;
  const effects = job.then.map((event, i) => {
    const r = engine!.apply(event);
    if (!r.ok) throw new Error(`the engine refused the ${event.kind} at event ${job.toSeq + i + 1}: ${r.rejection.message}`);
    return r.effects;
  });
  post({ kind: 'applied', effects });
  const state = engine.snapshot();
  sendState(state.seq, state, engine.indexSnapshot(), started);
  post({ kind: 'verified', hash: sha256(canonicalJson(state)), ms: performance.now() - started });
}

function snapshot(job: Extract<WorkerJob, { kind: 'snapshot' }>): void {
  const started = performance.now();
  if (engine!.readState.seq !== job.seq) throw new Error(`the trading replica is at event ${engine!.readState.seq}, asked for a snapshot at ${job.seq}`);
  const state = engine!.snapshot();
  const body = canonicalJson(state);
  const stored = { seq: state.seq, t: state.t, hash: sha256(body), body, index: JSON.stringify(engine!.indexSnapshot()) };
  // Set before the write lock is taken: main defers its group commits rather than wait for it.
  if (writing) Atomics.store(writing, 0, 1);
  let written: boolean;
  try {
    written = repo!.putSnapshotIfCurrent(stored, job.generation);
  } finally {
    if (writing) Atomics.store(writing, 0, 0);
  }
  // Copy the snapshot's pages from the WAL into the file here: otherwise main's next commit runs
  // SQLite's automatic checkpoint and copies these tens of MB itself.
  if (written) db!.pragma('wal_checkpoint(PASSIVE)');
  post({ kind: 'snapshotted', id: job.id, seq: job.seq, written, ms: performance.now() - started });
}

function handle(job: WorkerJob): void {
  switch (job.kind) {
    case 'restore':
      restore(job);
      return;
    case 'apply': {
      for (const event of job.events) {
        const r = engine!.apply(event);
        if (!r.ok) throw new Error(`the trading replica refused a ${event.kind} main applied: ${r.rejection.message}`);
      }
      if (engine!.readState.seq !== job.lastSeq) throw new Error(`the trading replica is out of step (event ${engine!.readState.seq}, main at ${job.lastSeq})`);
      return;
    }
    case 'resync':
      engine = rebuild(repo!, job.toSeq, false).engine;
      return;
    case 'snapshot':
      snapshot(job);
      return;
    default: {
      const never: never = job;
      throw new Error(`unknown trading worker job ${String(never)}`);
    }
  }
}

parentPort?.on('message', (job: WorkerJob) => {
  try {
    handle(job);
  } catch (err) {
    // A replica that failed once is out of step for good: main stops using it (crowd-replica.ts).
    engine = null;
    post({ kind: 'error', message: (err as Error).message });
  }
});

parentPort?.once('close', () => db?.close());
