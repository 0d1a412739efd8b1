import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Db } from '../../store/db-types';
import { JournalImportRefused } from '../import/import-journal';
import { JournalCore } from '../journal-core';
import type { JournalReply, JournalRequest, JournalWorkerData } from './journal-protocol';

/**
 * The journal's thread: it owns the book of round trips (built here, cached here) and answers
 * main's requests one at a time, so rebuilding 50,000 trips or computing statistics over 100,000
 * never blocks main's event loop. Reads use a read-only connection; an import or an annotation
 * opens a short-lived writable one (SQLite's WAL lets main keep writing engine events meanwhile).
 */
const port = parentPort;
if (!port) throw new Error('journal-worker runs only as a worker thread');
const { dbPath } = workerData as JournalWorkerData;
const reader = new Database(dbPath, { readonly: true, fileMustExist: true });
reader.pragma('busy_timeout = 5000');

function withWriter<T>(work: (db: Db) => T): T {
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    return work(db);
  } finally {
    db.close();
  }
}

const core = new JournalCore(reader, withWriter);

port.on('message', (req: JournalRequest) => {
  try {
    const method = core[req.op] as (...args: unknown[]) => unknown;
    port.postMessage({ id: req.id, ok: true, value: method.apply(core, req.args) } satisfies JournalReply);
  } catch (err) {
    const e = err as Error;
    const refused = err instanceof JournalImportRefused ? { problem: err.problem.problem, files: err.files } : undefined;
    port.postMessage({ id: req.id, ok: false, message: e.message, ...(refused ? { refused } : {}) } satisfies JournalReply);
  }
});
