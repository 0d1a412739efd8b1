import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppAsync } from '#main/app/create-app';
import { openWorkspace, workspacePathIn } from '#main/store/db';
import { StoreError } from '#main/store/errors';
import { pageCheckOffMain } from '#main/store/page-check';
import { damageMiddlePage, filledWorkspace } from '../helpers/damaged-workspace';
import { fileHash } from '../helpers/db-fingerprint';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** A closed workspace in `dir` whose b-tree has one page overwritten in the middle. */
function damagedWorkspace(dir: string): string {
  const file = workspacePathIn(dir);
  filledWorkspace(file);
  damageMiddlePage(file);
  return file;
}

describe('the page check off main', () => {
  it("answers quick_check's verdict from a worker: ok for a sound file, the problem for a damaged one", async () => {
    const sound = workspacePathIn(tempDir());
    openWorkspace(sound).close();
    expect(await pageCheckOffMain(sound)).toBe('ok');
    const damaged = damagedWorkspace(tempDir());
    const verdict = await pageCheckOffMain(damaged);
    expect(verdict).not.toBeNull();
    expect(verdict).not.toBe('ok');
  });

  it('needs no check for a file that does not exist yet', async () => {
    expect(await pageCheckOffMain(workspacePathIn(tempDir()))).toBeNull();
  });

  it("openWorkspace judges the verdict it is given instead of reading every page itself", () => {
    const file = damagedWorkspace(tempDir());
    expect(() => openWorkspace(file)).toThrow(StoreError);
    // The damage is in a page the open never reads: only the page check finds it.
    const ws = openWorkspace(file, { pageCheck: 'ok' });
    ws.close();
    expect(() => openWorkspace(file, { pageCheck: '*** in database main *** Page 7: btreeInitPage() returns error code 11' })).toThrow(/damaged \(\*\*\* in database main/);
  });

  it('createAppAsync refuses a damaged workspace untouched, and releases its lock', async () => {
    const dir = tempDir();
    const file = damagedWorkspace(dir);
    const before = fileHash(file);
    const err = await createAppAsync({ shell: 'web', dataDir: dir, validate: true, defaultData: false }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('CORRUPT');
    expect((err as StoreError).message).toContain(file);
    expect(fileHash(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    // The lock was released: another start is refused for the damage, not for a workspace in use.
    await expect(createAppAsync({ shell: 'web', dataDir: dir, validate: true, defaultData: false })).rejects.toThrow(/damaged/);
  });

  it('createAppAsync opens a sound workspace and keeps what it holds', async () => {
    const dir = tempDir();
    const app = await createAppAsync({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    const saved = await app.dispatch('settings.update', { theme: 'light' });
    expect(saved.ok).toBe(true);
    app.close();
    const again = await createAppAsync({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    const got = await again.dispatch('settings.get', {});
    again.close();
    expect(got.ok && (got.value as { theme: string }).theme).toBe('light');
  });
});
