import Database from 'better-sqlite3';
import type { Db } from './db-types';

/**
 * A read-only connection to the workspace held inside one read transaction: every query on it
 * sees the database as it was when the snapshot opened, whatever the writer commits meanwhile.
 *
 * Why: a long range read done in pages (a year of candles for a chart preview) lets main's event
 * loop run between pages, and an import or a delete may commit in between. Reading every page
 * from one snapshot keeps the result the picture of a single moment, not pages of two.
 *
 * WAL makes this cheap and safe: the reader does not block the writer, and the writer does not
 * block the reader (the snapshot is the WAL frame it started on). The one cost: a checkpoint
 * cannot move the WAL past a frame an open snapshot still reads, so the WAL grows while one is
 * open. Hold a snapshot for one paged read (seconds), never longer, and always close it.
 */
export interface ReadSnapshot {
  readonly db: Db;
  /** Ends the read transaction and closes the connection (idempotent). */
  close(): void;
}

export function openReadSnapshot(file: string, nativeBinding?: string): ReadSnapshot {
  const db: Db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    // The writer may hold the WAL index briefly while it commits: wait as the writer's own
    // connection does rather than fail the read.
    db.pragma('busy_timeout = 5000');
    db.prepare('BEGIN').run();
    // A deferred transaction takes its snapshot at the first read, not at BEGIN: read now, so the
    // snapshot is the moment the caller opened it.
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } catch (err) {
    db.close();
    throw err;
  }
  return {
    db,
    close: () => {
      if (!db.open) return;
      if (db.inTransaction) db.prepare('ROLLBACK').run();
      db.close();
    },
  };
}
