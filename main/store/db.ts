import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './db-types';
import { startCheckpointer } from './checkpointer';
import { detachLogWriter, startLogWriter } from './log-writer';
import { StoreError, isCorruptionError, readOnlyMessage } from './errors';
import { LATEST_VERSION, MIGRATIONS, migrate } from './migrations/index';
import type { Migration } from './migrations/types';
import { openReadSnapshot, type ReadSnapshot } from './read-snapshot';
import { needsPageCheck } from './page-check';

/** 'LEVD' in the SQLite header's application_id: how we know a file is ours. */
export const LEVDESK_APPLICATION_ID = 0x4c455644;
export const WORKSPACE_FILE_NAME = 'workspace.levdesk.db';
const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for Electron's ABI; omit under plain Node. */
  readonly nativeBinding?: string;
  /** Test hook: a different migration list. */
  readonly migrations?: readonly Migration[];
  /**
   * 'worker': WAL checkpoints run in a worker thread, not inside the writer's commits
   * (checkpointer.ts). For long-lived writers (the app, a replay); short commands keep SQLite's own.
   */
  readonly checkpoints?: 'worker' | 'inline';
  /**
   * 'worker': the trading log's group commits of market events run on a second connection in a
   * worker thread (log-writer.ts). For the app and long replays; without it every commit runs on
   * this connection.
   */
  readonly logWriter?: 'worker' | 'inline';
  /**
   * The answer of this file's page check already run off main (page-check.ts), under the lock the
   * caller holds: judged here as if the check ran now. Omitted, the check runs here.
   */
  readonly pageCheck?: string;
}

export interface Workspace {
  readonly db: Db;
  readonly path: string;
  readonly schemaVersion: number;
  /** A read-only connection pinned to one consistent snapshot (read-snapshot.ts); the caller closes it. */
  openReader(): ReadSnapshot;
  /**
   * Before close(), without holding the event loop: waits until the log writer's thread has
   * committed what it was given and the checkpointer has copied the WAL back, so close() finds
   * nothing to wait for (a 55 MB snapshot just handed over held main ~1.5 s in close()).
   */
  prepareClose(): Promise<void>;
  close(): void;
}

export function workspacePathIn(dataDir: string): string {
  return path.join(dataDir, WORKSPACE_FILE_NAME);
}

/**
 * Opens (or creates) a workspace file. Refuses, with the file left as it was, anything that is
 * not a Levdesk workspace, is corrupt, or was written by a newer Levdesk.
 */
export function openWorkspace(file: string, options: OpenOptions = {}): Workspace {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = options.migrations ? Math.max(0, ...migrations.map((m) => m.version)) : LATEST_VERSION;
  const existed = checkHeader(file);
  if (!existed) ensureFolder(file);
  else checkWritable(file);

  const db = connect(file, options.nativeBinding);
  try {
    if (existed) inspect(db, file, latest, options.pageCheck);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: a trader's command is on disk before we answer; WAL keeps this to one fsync per commit.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      if (db.pragma('application_id', { simple: true }) !== LEVDESK_APPLICATION_ID) {
        db.pragma(`application_id = ${LEVDESK_APPLICATION_ID}`);
      }
    })();
    const { to } = migrate(db, migrations);
    // A failing checkpoint loses nothing (the WAL grows until one succeeds or the file closes): say so.
    const onError = (message: string): void => console.warn(`Levdesk: a WAL checkpoint of ${file} failed (${message}); the log grows until the next one succeeds`);
    const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
    const checkpointer = options.checkpoints === 'worker' ? startCheckpointer(db, file, { onError, ...binding }) : null;
    const writer = options.logWriter === 'worker' ? startLogWriter(db, file, { noAutoCheckpoint: checkpointer !== null, ...binding }) : null;
    return {
      db,
      path: file,
      schemaVersion: to,
      openReader: () => openReadSnapshot(file, options.nativeBinding),
      prepareClose: async () => {
        await writer?.drained();
        await checkpointer?.settle();
        // Its last checkpoint has copied the log: stopped now, close() has no checkpoint in flight to wait for.
        await checkpointer?.stopAsync();
      },
      close: () => {
        // The writer's last groups commit before its connection closes; an error it held is reported, not lost.
        try {
          writer?.stop();
        } finally {
          detachLogWriter(db);
          checkpointer?.stop();
          if (db.open) db.close();
        }
      },
    };
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    if (isCorruptionError(err)) {
      throw new StoreError('CORRUPT', `The workspace ${file} is damaged (${(err as Error).message}); it was left untouched.`, file);
    }
    throw err;
  }
}

/** Returns whether a non-empty file exists; throws NOT_LEVDESK if it is not SQLite at all. */
function checkHeader(file: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreError('IO', `Cannot read ${file}: ${(err as Error).message}`, file);
  }
  if (!stat.isFile()) throw new StoreError('IO', `${file} is not a file`, file);
  if (stat.size === 0) return false;
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_MAGIC) {
    throw new StoreError('NOT_LEVDESK', `${file} is not a Levdesk workspace (it is not an SQLite database); it was left untouched.`, file);
  }
  return true;
}

/** WAL needs the file and its folder (for -wal and -shm) writable; say so before SQLite's bare "readonly database". */
function checkWritable(file: string): void {
  for (const [target, what] of [
    [file, 'the file'],
    [path.dirname(file), 'its folder'],
  ] as const) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'EROFS' ? 'it is on a read-only disk' : `${what} is not writable: ${code ?? (err as Error).message}`;
      throw new StoreError('READ_ONLY', readOnlyMessage(file, why), file);
    }
  }
}

function ensureFolder(file: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (err) {
    throw new StoreError('IO', `Cannot create the folder for ${file}: ${(err as Error).message}`, file);
  }
}

function connect(file: string, nativeBinding: string | undefined): Db {
  try {
    return new Database(file, nativeBinding ? { nativeBinding } : {});
  } catch (err) {
    const msg = (err as Error).message;
    if (/NODE_MODULE_VERSION|ERR_DLOPEN_FAILED|was compiled against a different Node\.js version/.test(msg)) {
      throw new StoreError(
        'NATIVE_ABI',
        `better-sqlite3 was built for another runtime (${msg.split('\n')[0]}). ` +
          `This process is ${process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.version}`} ` +
          `(ABI ${process.versions.modules}). Run "npm run native:electron" for Electron, or "npm rebuild better-sqlite3" for Node.`,
      );
    }
    throw new StoreError('IO', `Cannot open ${file}: ${msg}`, file);
  }
}

/** Reads only: identity, version and page checks happen before anything is written. */
function inspect(db: Db, file: string, latest: number, pageCheck: string | undefined): void {
  let appId: number;
  let version: number;
  let tables: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
    tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  } catch (err) {
    throw new StoreError('CORRUPT', `The workspace ${file} is damaged (${(err as Error).message}); it was left untouched.`, file);
  }
  if (appId !== LEVDESK_APPLICATION_ID && (appId !== 0 || tables > 0)) {
    throw new StoreError('NOT_LEVDESK', `${file} is an SQLite database of another application (application_id ${appId}); it was left untouched.`, file);
  }
  if (version > latest) {
    throw new StoreError(
      'FROM_FUTURE',
      `${file} was written by a newer Levdesk (schema ${version}; this version knows up to ${latest}). Update Levdesk to open it; the file was left untouched.`,
      file,
    );
  }
  if (pageCheck !== undefined || needsPageCheck(file)) {
    let result: string;
    try {
      result = pageCheck ?? (db.pragma('quick_check(1)', { simple: true }) as string);
    } catch (err) {
      throw new StoreError('CORRUPT', `The workspace ${file} is damaged (${(err as Error).message}); it was left untouched.`, file);
    }
    if (result !== 'ok') {
      throw new StoreError('CORRUPT', `The workspace ${file} is damaged (${result}); it was left untouched.`, file);
    }
  }
}
