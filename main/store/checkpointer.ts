import { betterSqliteModule } from './sqlite-module';
import { Worker } from 'node:worker_threads';
import type { Db } from './db-types';

/**
 * WAL checkpoints off main's event loop (issue 10 item 8).
 *
 * In WAL mode SQLite copies the log back into the database file every 1,000 pages, inside the
 * commit that crosses the mark: on main's thread, and about half of what persisting a price update
 * costs (measured: 4.3 µs an event with auto-checkpoints, 2.4 µs without). Here the writer's own
 * connection stops checkpointing and a worker thread with a connection of its own runs PASSIVE
 * checkpoints instead. PASSIVE never waits for the writer nor blocks it (it copies what no reader
 * still needs, and the writer restarts the log from its start once everything was copied), so
 * the WAL stays bounded while the writer never pays for it.
 *
 * The worker is a few lines of plain JavaScript (eval'd), so it needs no bundle entry and runs the
 * same from the sources, the bundles and Electron; it is unref'd, so it never keeps a CLI process
 * alive. Crash safety is unchanged: frames not yet checkpointed are in the WAL, which SQLite
 * replays on the next open.
 */
export interface Checkpointer {
  /**
   * Settles once the worker has run a checkpoint asked now (or could not: it never rejects), so a
   * stop() right after finds it idle instead of waiting for a big WAL to be copied.
   */
  settle(): Promise<void>;
  /** Stops the worker and closes its connection, waiting (at most a second) until it has. */
  stop(): void;
  /**
   * stop() without blocking: settles once the worker's connection is closed (or after a second).
   * A close runs it first (Workspace.prepareClose): stop() alone waited on main for a checkpoint
   * in flight, 35-240 ms at the end of a session that wrote a 55 MB snapshot.
   */
  stopAsync(): Promise<void>;
}

/** How often the worker looks: a PASSIVE checkpoint with nothing to copy costs microseconds. */
const EVERY_MS = 100;
/** settle() gives up waiting after this long. */
const SETTLE_MAX_MS = 10_000;

// flag[0]: 0 running, 1 its connection is closed (main waits on it, synchronously, in stop()).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const flag = new Int32Array(workerData.flag);
const db = new Database(workerData.file, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
db.pragma('busy_timeout = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try { checkpoint.run(); } catch (err) { if (!/SQLITE_BUSY|locked/i.test(String(err && err.message))) parentPort.postMessage({ error: String(err && err.message) }); }
}, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'checkpoint') {
    try { checkpoint.run(); } catch (err) { /* busy: the periodic ones go on */ }
    parentPort.postMessage({ checkpointed: true });
    return;
  }
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  parentPort.close();
});
`;

/**
 * Moves the WAL checkpoints of `db` (the workspace's writer connection, on `file`) to a worker.
 * `onError` hears a checkpoint that failed for another reason than a busy lock (the WAL then just
 * grows until the next one succeeds or the workspace closes; nothing is lost).
 */
export function startCheckpointer(db: Db, file: string, options: { nativeBinding?: string; onError?: (message: string) => void } = {}): Checkpointer {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { module: betterSqliteModule(), file, nativeBinding: options.nativeBinding ?? null, everyMs: EVERY_MS, flag: flag.buffer },
  });
  worker.unref();
  let running = true;
  const fallBack = (): void => {
    running = false;
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  };
  const settled: Array<() => void> = [];
  const settleAll = (): void => {
    for (const fn of settled.splice(0)) fn();
  };
  worker.on('message', (m: unknown) => {
    if (typeof m === 'object' && m !== null && 'error' in m) options.onError?.(String((m as { error: unknown }).error));
    if (typeof m === 'object' && m !== null && 'checkpointed' in m) settleAll();
  });
  worker.on('exit', settleAll);
  // A worker that cannot start (no native module in this runtime) leaves SQLite's own checkpoints in charge.
  worker.on('error', (err) => {
    fallBack();
    options.onError?.(err.message);
  });
  /** Tells a running worker to close its connection and end; false when it is not running. */
  const askToStop = (): boolean => {
    if (!running) return false;
    running = false;
    settleAll();
    worker.postMessage('stop');
    return true;
  };
  const stopped = (): void => {
    void worker.terminate();
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  };
  return {
    settle: () =>
      new Promise<void>((resolve) => {
        if (!running) return resolve();
        settled.push(resolve);
        worker.postMessage('checkpoint');
        // A worker that never answers must not keep a close waiting: stop() bounds it anyway.
        setTimeout(settleAll, SETTLE_MAX_MS).unref();
      }),
    stop: () => {
      if (!askToStop()) return;
      // Synchronous on purpose: the caller closes the writer next, and SQLite removes the WAL (so a
      // copy of the .db file alone is whole) only when it closes the last connection on the file.
      Atomics.wait(flag, 0, 0, 1000);
      stopped();
    },
    stopAsync: async () => {
      if (!askToStop()) return;
      // The worker closes its connection, then its port, and exits. The timer is not unref'd: it
      // keeps the process alive for the close (the worker is unref'd), cleared when the worker exits.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      stopped();
    },
  };
}
