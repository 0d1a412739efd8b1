import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { betterSqliteModule } from './sqlite-module';

/**
 * A workspace's page check (PRAGMA quick_check) run in a worker thread.
 *
 * openWorkspace reads every page of a file up to 256 MB before it writes anything, so a damaged
 * file is refused untouched. On main that held the event loop 110-160 ms for a workspace of
 * 100,000 traders before any window or server existed (issue 10 item 7). The app's start runs
 * the check here first, with the workspace's lock already held, and hands the verdict to
 * openWorkspace (OpenOptions.pageCheck), which then judges the file exactly as before.
 *
 * The worker's connection is an ordinary one, like the one openWorkspace inspects with: it is
 * closed before main opens the file. A worker that cannot run the check (no native module for
 * this runtime) gives no verdict, and openWorkspace runs the check itself as before.
 */

/** Files up to this size get a full page check every time they open (bigger ones: only the header checks). */
export const PAGE_CHECK_MAX_BYTES = 256 * 1024 * 1024;

// Plain JavaScript (eval'd), as the checkpointer's: it runs the same from the sources, the bundles and Electron.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// No answer when it cannot open or check the file: main then checks it itself, with its own errors.
try {
  const Database = require(workerData.module);
  const db = new Database(workerData.file, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  try { parentPort.postMessage({ result: String(db.pragma('quick_check(1)', { simple: true })) }); } finally { db.close(); }
} catch {}
`;

/** Whether openWorkspace would check this file's pages: it exists, is not empty and is small enough. */
export function needsPageCheck(file: string): boolean {
  try {
    const { size } = fs.statSync(file);
    return size > 0 && size <= PAGE_CHECK_MAX_BYTES;
  } catch {
    return false;
  }
}

/**
 * Runs the page check of `file` off main. Resolves with quick_check(1)'s answer ('ok', or the
 * first problem it found), or null when the file needs none (see needsPageCheck) or the worker
 * could not start or run: the caller then checks on main. Never rejects. Run it only while
 * holding the workspace's lock, so no writer changes the file between the check and the open.
 */
export function pageCheckOffMain(file: string, nativeBinding?: string): Promise<string | null> {
  if (!needsPageCheck(file)) return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: betterSqliteModule(), file, nativeBinding: nativeBinding ?? null } });
    } catch {
      resolve(null);
      return;
    }
    let verdict: string | null = null;
    worker.once('message', (m: { result?: string }) => {
      verdict = typeof m.result === 'string' ? m.result : null;
    });
    worker.once('error', () => resolve(null));
    // Resolved at exit, not at the message: the worker's connection is closed by then.
    worker.once('exit', () => resolve(verdict));
  });
}
