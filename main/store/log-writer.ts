import { betterSqliteModule } from './sqlite-module';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Db } from './db-types';
import { EVENT_BODIES_SOURCE, TICK_LAYOUTS } from './tick-columns';
import { EVENT_CHUNK, LOG_ARITY, LOG_STATEMENTS, PACKED_EVENTS, PACKED_EVENTS_SLOTS, PACKED_ROWS, S, type LogOps } from './trading-log-ops';

/**
 * The trading log's group commits off main's thread (issue 10 item 8).
 *
 * Inserting a group of market events (2,000 price updates) was half of what a persisted replay
 * cost main's thread. Main still encodes each group (trading-log-ops.ts: the events that are not
 * plain price updates as JSON, the plain ones as columns that this worker packs (tick-columns.ts),
 * the SQL parameters of every row) and hands it to this worker, which owns a second connection to
 * the workspace and runs the group in one transaction, in the order posted, while main applies
 * the next events.
 *
 * Guarantees:
 * - Groups commit in order, each whole or not at all; after a failed group the worker commits
 *   nothing more, so the log on disk stays a prefix of what the engine applied.
 * - drain() returns once every posted group is committed (main waits synchronously on a shared
 *   counter, as the checkpointer's stop does): the journal drains before a durable command, a
 *   rewind, a close and any read of the log, so those see (and fsync) everything before them.
 * - A failure is never swallowed: the next post() or drain() throws the worker's error.
 * - At most MAX_IN_FLIGHT groups wait: a slower disk slows main down rather than growing memory.
 *
 * The worker is plain JavaScript (eval'd, as the checkpointer's), so it runs the same from the
 * sources, the bundles and Electron; it is unref'd. A worker that cannot start (no native module
 * in this runtime) leaves the commits on main's connection, as before.
 */
export interface LogWriter {
  /**
   * 'ready': groups go to the worker. 'starting' (its connection is not open yet) and 'failed'
   * before anything was posted (it never opened): the caller commits on main's connection, with
   * nothing in flight. 'failed' after a group was posted: the writer's error is thrown.
   */
  readonly state: 'starting' | 'ready' | 'failed' | 'stopped';
  /** state === 'ready'. */
  readonly ready: boolean;
  /** Queues one group (encoded ops of `events` events); throws if an earlier group failed. */
  post(ops: LogOps, events: number): void;
  /** Waits until every posted group is committed; throws the worker's error if one failed. */
  drain(): void;
  /** drain() without blocking: settles once every group posted so far is committed or the writer failed (drain() then throws). */
  drained(): Promise<void>;
  /** Events posted and not yet committed. */
  readonly uncommitted: number;
  /** Groups the worker committed so far (for tests and benches). */
  readonly committedGroups: number;
  /** Milliseconds main's thread waited for the worker so far (a full queue, or a drain). */
  readonly waitedMs: number;
  /** Drains, then stops the worker and closes its connection (waiting at most a second). */
  stop(): void;
}

/**
 * Groups posted and not yet committed before post() waits (8 × 2,000 price updates, a few MB):
 * enough to ride out the worker losing its core for a while on a busy machine (with 4, main
 * waited ~0.45 s per 1M events at load 4 on 2 cores). The app drains it at every frame anyway.
 */
export const MAX_IN_FLIGHT = 8;
/** A worker that makes no progress this long is reported rather than waited for ever. */
const STALL_MS = 120_000;

// shared[0]: the last group committed; shared[1]: 0 starting, 1 ready, 2 failed; shared[2]: 1 once closed.
const COMMITTED = 0;
const STATE = 1;
const CLOSED = 2;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const shared = new Int32Array(workerData.shared);
const port = workerData.port;
const arity = workerData.arity;
let db = null;
let statements = [];
let broken = false;
function fail(err) {
  broken = true;
  port.postMessage(String((err && err.message) || err));
  Atomics.store(shared, 1, 2);
  Atomics.notify(shared, 0);
}
// The same loop as trading-log-ops.ts runOps; eventBodies is tick-columns.ts's own text.
const { eventChunk, packedOp, packedSlots, packedRowsOp, eventStmt, eventsStmt, tickLayouts } = workerData.layout;
${EVENT_BODIES_SOURCE}
function insertEvents(n, seqT, kindsText, bodies) {
  if (n === 0) return;
  const kinds = kindsText.split('\\n');
  if (kinds.length !== n || bodies.length !== n) throw new Error('a packed group of ' + n + ' events has ' + kinds.length + ' kinds and ' + bodies.length + ' bodies');
  let row = 0;
  const params = [];
  for (; row + eventChunk <= n; row += eventChunk) {
    params.length = 0;
    for (let r = row; r < row + eventChunk; r++) params.push(seqT[2 * r], seqT[2 * r + 1], kinds[r], bodies[r]);
    statements[eventsStmt].run(...params);
  }
  for (; row < n; row++) statements[eventStmt].run(seqT[2 * row], seqT[2 * row + 1], kinds[row], bodies[row]);
}
function run(ops) {
  let i = 0;
  while (i < ops.length) {
    const s = ops[i];
    if (s === packedRowsOp) {
      run(JSON.parse(Buffer.concat(ops[i + 1]).toString('utf8')));
      i += 2;
      continue;
    }
    if (s === packedOp) {
      insertEvents(ops[i + 1], ops[i + 2], ops[i + 3], eventBodies(ops[i + 1], ops[i + 4], ops[i + 5], ops[i + 6], ops[i + 7], ops[i + 8], tickLayouts));
      i += packedSlots;
      continue;
    }
    const n = arity[s];
    if (n === undefined) throw new Error('bad log op ' + s + ' at ' + i);
    // A snapshot's text may come as UTF-8 chunks (trading-log-ops.ts SnapshotText).
    statements[s].run(...ops.slice(i + 1, i + 1 + n).map((p) => (Array.isArray(p) ? Buffer.concat(p).toString('utf8') : p)));
    i += 1 + n;
  }
}
try {
  const Database = require(workerData.module);
  db = new Database(workerData.file, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma('busy_timeout = ' + workerData.busyMs);
  // Group commits are not fsynced: main's next durable commit syncs the WAL with every frame before it.
  db.pragma('synchronous = NORMAL');
  if (workerData.noAutoCheckpoint) db.pragma('wal_autocheckpoint = 0');
  statements = workerData.statements.map((sql) => db.prepare(sql));
  Atomics.store(shared, 1, 1);
  Atomics.notify(shared, 1);
} catch (err) {
  fail(err);
}
const commit = db ? db.transaction((ops) => run(ops)).immediate : null;
port.on('message', (m) => {
  if (m === 'stop') {
    try { if (db) db.close(); } catch (err) { /* closing after a failure: nothing left to lose */ }
    Atomics.store(shared, 2, 1);
    Atomics.notify(shared, 2);
    port.close();
    return;
  }
  if (broken) return;
  try {
    commit(m.ops);
    Atomics.store(shared, 0, m.id);
    Atomics.notify(shared, 0);
  } catch (err) {
    fail(err);
  }
});
`;

export interface LogWriterOptions {
  readonly nativeBinding?: string;
  /** The workspace's checkpoints run in their own worker: this connection must not checkpoint either. */
  readonly noAutoCheckpoint?: boolean;
  /** Test hook: SQL the worker prepares instead of LOG_STATEMENTS (to make a commit fail). */
  readonly statements?: readonly string[];
}

const writers = new WeakMap<Db, LogWriter>();

/** The writer that commits `db`'s trading-log groups, if its workspace was opened with one (openWorkspace). */
export function logWriterOf(db: Db): LogWriter | null {
  return writers.get(db) ?? null;
}

export function detachLogWriter(db: Db): void {
  writers.delete(db);
}

/** Starts the writer of the workspace file `file`, whose main connection is `db` (which stays the caller's). */
export function startLogWriter(db: Db, file: string, options: LogWriterOptions = {}): LogWriter {
  const shared = new Int32Array(new SharedArrayBuffer(12));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      module: betterSqliteModule(),
      file,
      nativeBinding: options.nativeBinding ?? null,
      noAutoCheckpoint: options.noAutoCheckpoint ?? false,
      statements: options.statements ?? LOG_STATEMENTS,
      arity: LOG_ARITY,
      layout: { eventChunk: EVENT_CHUNK, packedOp: PACKED_EVENTS, packedSlots: PACKED_EVENTS_SLOTS, packedRowsOp: PACKED_ROWS, eventStmt: S.event, eventsStmt: S.events, tickLayouts: TICK_LAYOUTS },
      // Main's own writes (settings, plans, an import) are short; waiting for them beats failing.
      busyMs: 60_000,
      shared: shared.buffer,
      port: port2,
    },
    transferList: [port2],
  });
  worker.unref();
  port1.unref();
  // A thread that dies outside its own try/catch (out of memory) is reported where it can be.
  worker.on('error', (err) => console.error(`Levdesk: the trading log's writer thread failed: ${err.message}`));
  const writer = new WorkerLogWriter(worker, port1, shared);
  writers.set(db, writer);
  return writer;
}

class WorkerLogWriter implements LogWriter {
  private posted = 0;
  /** [group id, events] of the groups not known to be committed yet, oldest first. */
  private readonly inFlight: Array<readonly [number, number]> = [];
  private error: Error | null = null;
  private stopped = false;
  private warned = false;
  waitedMs = 0;

  constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly shared: Int32Array,
  ) {}

  get state(): LogWriter['state'] {
    if (this.stopped) return 'stopped';
    const state = Atomics.load(this.shared, STATE);
    return this.error !== null || state === 2 ? 'failed' : state === 1 ? 'ready' : 'starting';
  }

  get ready(): boolean {
    const state = Atomics.load(this.shared, STATE);
    if (state === 2 && this.posted === 0 && !this.warned) {
      // Never started: nothing was handed to it, and main's connection keeps the commits.
      this.warned = true;
      const m = receiveMessageOnPort(this.port);
      console.warn(`Levdesk: the trading log's writer thread could not start (${m ? String(m.message) : 'unknown error'}); group commits stay on main's thread`);
    }
    return !this.stopped && state === 1 && this.error === null;
  }

  get committedGroups(): number {
    return Atomics.load(this.shared, COMMITTED);
  }

  get uncommitted(): number {
    const done = Atomics.load(this.shared, COMMITTED);
    while (this.inFlight.length > 0 && this.inFlight[0]![0] <= done) this.inFlight.shift();
    return this.inFlight.reduce((n, [, events]) => n + events, 0);
  }

  post(ops: LogOps, events: number): void {
    this.throwIfFailed();
    if (this.stopped) throw new Error("the trading log's writer is stopped");
    if (this.posted - Atomics.load(this.shared, COMMITTED) >= MAX_IN_FLIGHT) this.waitFor(this.posted - MAX_IN_FLIGHT + 1);
    this.posted += 1;
    this.inFlight.push([this.posted, events]);
    // UTF-8 chunks (a snapshot's, rows written ahead) are moved, not copied.
    const transfer: ArrayBuffer[] = [];
    for (const op of ops) if (Array.isArray(op)) for (const chunk of op as readonly Uint8Array[]) transfer.push(chunk.buffer as ArrayBuffer);
    this.port.postMessage({ id: this.posted, ops }, transfer);
  }

  drain(): void {
    this.waitFor(this.posted);
  }

  async drained(): Promise<void> {
    const target = this.posted;
    while (!this.stopped && Atomics.load(this.shared, COMMITTED) < target && Atomics.load(this.shared, STATE) !== 2) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  stop(): void {
    if (this.stopped) return;
    try {
      if (this.error === null) this.drain();
    } finally {
      this.stopped = true;
      this.port.postMessage('stop');
      // Synchronous on purpose: the caller closes main's connection next, and SQLite removes the
      // WAL only when the last connection to the file closes.
      Atomics.wait(this.shared, CLOSED, 0, 1000);
      this.port.close();
      void this.worker.terminate();
    }
  }

  private waitFor(id: number): void {
    const seen = Atomics.load(this.shared, COMMITTED);
    if (seen >= id) return;
    const started = performance.now();
    try {
      this.waitUntil(id, seen);
    } finally {
      this.waitedMs += performance.now() - started;
    }
  }

  private waitUntil(id: number, committed: number): void {
    let seen = committed;
    let since = Date.now();
    while (seen < id) {
      this.throwIfFailed();
      Atomics.wait(this.shared, COMMITTED, seen, 100);
      const now = Atomics.load(this.shared, COMMITTED);
      if (now !== seen) {
        seen = now;
        since = Date.now();
      } else if (Date.now() - since > STALL_MS) {
        throw new Error(`the trading log's writer committed nothing for ${STALL_MS / 1000} s (group ${seen + 1} of ${this.posted})`);
      }
    }
  }

  private throwIfFailed(): void {
    if (this.error) throw this.error;
    if (Atomics.load(this.shared, STATE) !== 2) return;
    const m = receiveMessageOnPort(this.port);
    const why = m ? String(m.message) : 'unknown error';
    this.error = new Error(`the trading log's writer failed, ${this.posted - Atomics.load(this.shared, COMMITTED)} group(s) of market events were not written: ${why}`);
    throw this.error;
  }
}
