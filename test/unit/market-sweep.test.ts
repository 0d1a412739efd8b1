import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STALE_AFTER_MS, sweepStaleStaging } from '#main/market/import/staging';
import { UploadStore } from '#main/market/uploads';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-sweep-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('sweeping leftovers of killed imports', () => {
  it('removes old staging files only: a live import of another process keeps its file', () => {
    fs.writeFileSync(path.join(dir, 'import-old.staging.db'), 'x');
    fs.writeFileSync(path.join(dir, 'import-new.staging.db'), 'x');
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'x');
    const now = fs.statSync(path.join(dir, 'import-new.staging.db')).mtimeMs + 1000;
    const old = new Date(now - STALE_AFTER_MS - 60_000);
    fs.utimesSync(path.join(dir, 'import-old.staging.db'), old, old);
    sweepStaleStaging(dir, now);
    expect(fs.readdirSync(dir).sort()).toEqual(['import-new.staging.db', 'keep.txt']);
  });

  it('removes old upload folders only', async () => {
    const store = new UploadStore(path.join(dir, 'uploads'));
    const { Readable } = await import('node:stream');
    const a = await store.accept('a.csv', Readable.from(['x']));
    const b = await store.accept('b.csv', Readable.from(['y']));
    const now = Date.now();
    const old = new Date(now - STALE_AFTER_MS - 60_000);
    fs.utimesSync(path.dirname(a.path), old, old);
    store.sweep(now);
    expect(fs.existsSync(a.path)).toBe(false);
    expect(fs.existsSync(b.path)).toBe(true);
  });
});
