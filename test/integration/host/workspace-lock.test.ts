import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { lockWorkspace } from '#main/store/workspace-lock';
import { dbFingerprint } from '../helpers/db-fingerprint';
import { useTempDirs } from '../helpers/temp-dir';
import { REPO_ROOT, hostArgs, runToExit, startHostChild, stopChild, type HostChild } from './host-process';

const tempDir = useTempDirs();
const running: HostChild[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.stop();
});

async function host(dataDir: string): Promise<HostChild> {
  const h = await startHostChild(dataDir);
  running.push(h);
  return h;
}

const CLI = path.join(REPO_ROOT, 'main/cli/index.ts');
const KLINES = path.join(REPO_ROOT, 'test/fixtures/market/BTCUSDT-1h-2022-11.csv');
const workspaceOf = (dataDir: string): string => path.join(dataDir, 'workspace.levdesk.db');

/** Every row of the workspace, read beside the running writer (readers share). */
function fingerprint(dataDir: string): string {
  const db = new Database(workspaceOf(dataDir), { readonly: true });
  try {
    return dbFingerprint(db);
  } finally {
    db.close();
  }
}

describe('one writer per workspace', () => {
  it('a second web host, and a writing CLI command, exit 1 naming the holder and change nothing; a reader shares', { timeout: 120_000 }, async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = await host(dataDir);
    const before = fingerprint(dataDir);
    const expected = `workspace ${workspaceOf(dataDir)} is in use by process ${first.child.pid}`;

    const second = await runToExit(hostArgs(dataDir));
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toBe(expected);
    expect(second.stdout).not.toContain('LEVDESK_URL');

    const imported = await runToExit(['--import', 'tsx', CLI, 'import', '--workspace', dataDir, KLINES]);
    expect(imported.code).toBe(1);
    expect(imported.stderr.trim()).toBe(expected);
    expect(fingerprint(dataDir)).toBe(before);

    const replay = await runToExit(['--import', 'tsx', CLI, 'replay', 'flash-crash', '--workspace', dataDir]);
    expect(replay.stderr).not.toContain('in use');
    expect(replay.code).toBe(0);
  });

  it('takes over the lock of a process killed with kill -9', { timeout: 120_000 }, async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = await startHostChild(dataDir);
    await stopChild(first.child, 'SIGKILL');
    const second = await host(dataDir);
    expect(second.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    // ...and holds it in turn.
    const third = await runToExit(hostArgs(dataDir));
    expect(third.code).toBe(1);
    expect(third.stderr.trim()).toBe(`workspace ${workspaceOf(dataDir)} is in use by process ${second.child.pid}`);
  });

  it('lets exactly one of two hosts started together on a fresh folder win', { timeout: 120_000 }, async () => {
    const dataDir = path.join(tempDir(), 'data');
    const [a, b] = await Promise.allSettled([startHostChild(dataDir), startHostChild(dataDir)]);
    const winners = [a, b].filter((r): r is PromiseFulfilledResult<HostChild> => r.status === 'fulfilled').map((r) => r.value);
    running.push(...winners);
    const losers = [a, b].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(String(losers[0]!.reason)).toContain(`workspace ${workspaceOf(dataDir)} is in use by process ${winners[0]!.child.pid}`);
  });

  it('in one process: a second lock is refused until the first is released', () => {
    const file = workspaceOf(tempDir());
    const lock = lockWorkspace(file);
    expect(() => lockWorkspace(file)).toThrow(`workspace ${file} is in use by process ${process.pid}`);
    lock.release();
    lockWorkspace(file).release();
  });
});
