import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LEVDESK_APPLICATION_ID, openWorkspace } from '#main/store/db';
import { StoreError } from '#main/store/errors';
import { LATEST_VERSION, MIGRATIONS } from '#main/store/migrations/index';
import type { Migration } from '#main/store/migrations/types';
import { SettingsRepo } from '#main/store/settings-repo';
import { fileHash } from '../helpers/db-fingerprint';
import { damageMiddlePage, filledWorkspace } from '../helpers/damaged-workspace';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const fileIn = (dir: string): string => path.join(dir, 'ws.db');

function expectStoreError(fn: () => unknown, kind: StoreError['kind']): StoreError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe(kind);
    return err as StoreError;
  }
  throw new Error(`expected a ${kind} StoreError`);
}

describe('opening a workspace', () => {
  it('creates a new file with WAL, foreign keys, our application id and the latest schema', () => {
    const file = fileIn(tempDir());
    const ws = openWorkspace(file);
    expect(ws.schemaVersion).toBe(LATEST_VERSION);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.pragma('application_id', { simple: true })).toBe(LEVDESK_APPLICATION_ID);
    expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    ws.close();
  });

  it('reopens its own file and keeps what was written', () => {
    const file = fileIn(tempDir());
    const a = openWorkspace(file);
    new SettingsRepo(a.db).update({ theme: 'light', defaultLeverage: 33 });
    a.close();
    const b = openWorkspace(file);
    expect(new SettingsRepo(b.db).get()).toMatchObject({ theme: 'light', defaultLeverage: 33 });
    b.close();
  });

  it('creates missing parent folders', () => {
    const file = path.join(tempDir(), 'a', 'b', 'ws.db');
    openWorkspace(file).close();
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('migrations', () => {
  it('are numbered upwards', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('apply only the pending steps, in one transaction, and record the version', () => {
    const file = fileIn(tempDir());
    openWorkspace(file).close();
    const extra: Migration = {
      version: LATEST_VERSION + 10,
      name: 'test-extra',
      up: (db) => db.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT'),
    };
    const ws = openWorkspace(file, { migrations: [...MIGRATIONS, extra] });
    expect(ws.schemaVersion).toBe(LATEST_VERSION + 10);
    expect(ws.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").pluck().get()).toBe(1);
    ws.close();
  });

  it('leave the file exactly as it was when a step fails halfway', () => {
    const file = fileIn(tempDir());
    openWorkspace(file).close();
    const failing: Migration[] = [
      { version: LATEST_VERSION + 10, name: 'ok-step', up: (db) => db.exec('CREATE TABLE half (id INTEGER) STRICT') },
      {
        version: LATEST_VERSION + 20,
        name: 'bad-step',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => openWorkspace(file, { migrations: [...MIGRATIONS, ...failing] })).toThrow('boom');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });
});

describe('refusals leave the file untouched', () => {
  it('refuses a file written by a newer Levdesk', () => {
    const file = fileIn(tempDir());
    openWorkspace(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1000}`);
    db.close();
    const before = fileHash(file);
    const err = expectStoreError(() => openWorkspace(file), 'FROM_FUTURE');
    expect(err.message).toMatch(/newer Levdesk/);
    expect(fileHash(file)).toBe(before);
  });

  it('refuses a file that is not SQLite', () => {
    const file = fileIn(tempDir());
    fs.writeFileSync(file, 'open_time,open,high,low,close\n1,2,3,4,5\n');
    const before = fileHash(file);
    const err = expectStoreError(() => openWorkspace(file), 'NOT_LEVDESK');
    expect(err.message).toMatch(/not an SQLite database/);
    expect(fileHash(file)).toBe(before);
  });

  it("refuses another application's SQLite database", () => {
    const file = fileIn(tempDir());
    const other = new Database(file);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'mine\');');
    other.close();
    const before = fileHash(file);
    expectStoreError(() => openWorkspace(file), 'NOT_LEVDESK');
    expect(fileHash(file)).toBe(before);
  });

  it('refuses a damaged workspace and names it', () => {
    const file = fileIn(tempDir());
    filledWorkspace(file);
    damageMiddlePage(file);
    const before = fileHash(file);
    const err = expectStoreError(() => openWorkspace(file), 'CORRUPT');
    expect(err.message).toContain(file);
    expect(fileHash(file)).toBe(before);
  });

  it('refuses a truncated workspace', () => {
    const file = fileIn(tempDir());
    filledWorkspace(file, 'y');
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    const before = fileHash(file);
    expectStoreError(() => openWorkspace(file), 'CORRUPT');
    expect(fileHash(file)).toBe(before);
  });
});
