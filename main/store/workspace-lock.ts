import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './db-types';
import { StoreError, readOnlyMessage } from './errors';

/**
 * One writer per workspace. Two processes writing one workspace interleave two trading timelines
 * in one order history, so the web host, the desktop app and every writing CLI command take this
 * lock before they open the workspace; read-only commands do not.
 *
 * The lock is an SQLite file beside the workspace (`<workspace>.lock`). Its holder keeps a write
 * transaction open (SQLite's RESERVED lock, an OS file lock) for as long as it runs. The operating
 * system drops that lock when the process ends in any way, kill -9 included, so a lock left by a
 * dead process is simply free: there is no stale-PID guessing and no race between two processes
 * taking it over. The holder's PID is a committed row, readable while the lock is held, so the
 * refusal can name the process.
 */
export interface WorkspaceLock {
  readonly file: string;
  release(): void;
}

export function lockPathOf(workspaceFile: string): string {
  return `${workspaceFile}.lock`;
}

/** The refusal, word for word: scripts and tests match it. */
export function inUseMessage(workspaceFile: string, pid: number): string {
  return `workspace ${workspaceFile} is in use by process ${pid}`;
}

const ATTEMPTS = 100;
const PAUSE_MS = 20;

export function lockWorkspace(workspaceFile: string, nativeBinding?: string): WorkspaceLock {
  const file = lockPathOf(workspaceFile);
  const db = openLockFile(workspaceFile, file, nativeBinding);
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (tryTake(db)) {
        return {
          file,
          release: () => {
            if (db.open) db.close();
          },
        };
      }
      const holder = readHolder(db);
      // Our own PID is a connection of this very process, unless a rival is between its steps.
      if (holder !== null && (holder !== process.pid || attempt >= 5)) throw new StoreError('IN_USE', inUseMessage(workspaceFile, holder), workspaceFile);
      // The holder is between its steps (writing its PID): look again in a moment.
      pause(PAUSE_MS);
    }
    throw new StoreError('IN_USE', inUseMessage(workspaceFile, readHolder(db) ?? 0), workspaceFile);
  } catch (err) {
    db.close();
    throw err;
  }
}

function openLockFile(workspaceFile: string, file: string, nativeBinding: string | undefined): Db {
  const folder = path.dirname(file);
  try {
    fs.mkdirSync(folder, { recursive: true });
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new StoreError('READ_ONLY', readOnlyMessage(workspaceFile, code === 'EROFS' ? 'it is on a read-only disk' : `its folder ${folder} is not writable`), workspaceFile);
    }
    throw new StoreError('IO', `Cannot prepare the folder of ${workspaceFile}: ${(err as Error).message}`, workspaceFile);
  }
  try {
    // timeout 0: a busy lock answers at once; waiting is this module's decision, not SQLite's.
    return new Database(file, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new StoreError('IO', `Cannot open the lock file ${file}: ${(err as Error).message}`, workspaceFile);
  }
}

/** Writes our PID, then holds RESERVED; true when we hold it with our PID recorded. */
function tryTake(db: Db): boolean {
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    if (isBusy(err)) return false;
    throw err;
  }
  try {
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since INTEGER NOT NULL)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, Date.now());
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    if (isBusy(err)) return false; // another process slipped in after our commit: it holds the lock
    throw err;
  }
  // Holding RESERVED, nobody else can commit: the row we read is the final word.
  if (readHolder(db) === process.pid) return true;
  db.exec('ROLLBACK');
  return false;
}

function readHolder(db: Db): number | null {
  try {
    const row = db.prepare('SELECT pid FROM holder LIMIT 1').get() as { pid: number } | undefined;
    return row?.pid ?? null;
  } catch {
    return null; // no table yet, or the holder is committing: try again
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Only at start-up, and only while another process is mid-commit: a few ms at most. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
