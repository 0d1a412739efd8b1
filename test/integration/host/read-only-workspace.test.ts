import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '#main/app/create-app';
import { fileHash } from '../helpers/db-fingerprint';
import { useTempDirs } from '../helpers/temp-dir';
import { REPO_ROOT, hostArgs, runToExit } from './host-process';

const tempDir = useTempDirs();

/**
 * A workspace this process may read but not write. Root writes anything whatever the mode says,
 * so under root the child runs as "nobody" on root's files; otherwise the modes themselves do it.
 */
function readOnlyWorkspace(): { dataDir: string; file: string; as: { uid?: number; gid?: number } } {
  const top = tempDir();
  fs.chmodSync(top, 0o755);
  const dataDir = path.join(top, 'data');
  createApp({ shell: 'web', dataDir, defaultData: false }).close();
  const file = path.join(dataDir, 'workspace.levdesk.db');
  const root = process.getuid?.() === 0;
  fs.chmodSync(file, root ? 0o644 : 0o444);
  fs.chmodSync(dataDir, root ? 0o755 : 0o555);
  return { dataDir, file, as: root ? { uid: 65534, gid: 65534 } : {} };
}

const CLI = path.join(REPO_ROOT, 'main/cli/index.ts');

/**
 * Under root the child runs as "nobody", which must be able to reach the repository (its tsx and
 * sources). A clone inside a 0700 folder (mktemp -d) is out of nobody's reach, and there is no
 * other portable way for root to be refused a write, so the test says why it cannot run there.
 */
function nobodyCanReachRepo(): boolean {
  if (process.getuid?.() !== 0) return true;
  for (let dir = REPO_ROOT; ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) return false;
    if (path.dirname(dir) === dir) return true;
  }
}
const unreachable = !nobodyCanReachRepo();
if (unreachable) console.warn(`read-only-workspace: skipped, "nobody" cannot reach ${REPO_ROOT} (a folder on its path is not o+x)`);

describe.skipIf(unreachable)('a read-only workspace', () => {
  it.each([
    ['the web host', (dataDir: string) => hostArgs(dataDir)],
    ['levdesk import', (dataDir: string) => ['--import', 'tsx', CLI, 'import', '--workspace', dataDir, path.join(REPO_ROOT, 'test/fixtures/market/BTCUSDT-1h-2022-11.csv')]],
  ])('%s refuses it naming the file, that it is read-only, and that nothing changed', async (_label, args) => {
    const { dataDir, file, as } = readOnlyWorkspace();
    const before = fileHash(file);
    try {
      const run = await runToExit(args(dataDir), { HOME: dataDir }, as);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(file);
      expect(run.stderr).toContain('read-only');
      expect(run.stderr).toContain('Nothing was changed');
      expect(run.stderr).not.toContain('attempt to write a readonly database');
      expect(fileHash(file)).toBe(before);
    } finally {
      fs.chmodSync(dataDir, 0o755);
    }
  });
});
