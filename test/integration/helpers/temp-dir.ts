import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** A fresh folder per test, removed afterwards (a real file on a real disk, never :memory:). */
export function useTempDirs(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-test-'));
    made.push(dir);
    return dir;
  };
}

/**
 * One folder for a whole suite whose app or host outlives single tests (made at the first call,
 * the same path after). useTempDirs would delete it after the first test, under a host still
 * writing its SQLite WAL; this removes it in afterAll. Call it before registering the hook that
 * closes the app: after-hooks run in reverse order (vitest's sequence.hooks "stack"), so the
 * folder goes once the app is closed.
 */
export function suiteTempDir(): () => string {
  let dir: string | null = null;
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  return () => (dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-test-')));
}
