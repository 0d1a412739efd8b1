import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '#main/store/db';

/** Off-main WAL checkpoints (main/store/checkpointer.ts, issue 10 item 8). */
describe('WAL checkpoints in a worker thread', () => {
  const dirs: string[] = [];
  const opened: Workspace[] = [];
  afterEach(() => {
    for (const ws of opened.splice(0)) ws.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  function open(checkpoints: 'worker' | 'inline'): { ws: Workspace; file: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-ckpt-'));
    dirs.push(dir);
    const file = path.join(dir, 'workspace.levdesk.db');
    const ws = openWorkspace(file, { checkpoints });
    opened.push(ws);
    return { ws, file };
  }

  /** About 8 MB of event rows in 40 commits (past the 1,000-page mark where SQLite checkpoints on its own). */
  function write(ws: Workspace): void {
    const insert = ws.db.prepare('INSERT INTO trading_events (seq, t, kind, body) VALUES (?, ?, ?, ?)');
    const body = JSON.stringify({ kind: 'tick', pad: 'x'.repeat(1000) });
    let seq = 0;
    for (let c = 0; c < 40; c++) ws.db.transaction(() => { for (let i = 0; i < 200; i++) insert.run(++seq, seq, 'tick', body); })();
  }

  it('the writer never checkpoints; the worker copies the WAL into the database file', async () => {
    const { ws, file } = open('worker');
    expect(ws.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = fs.statSync(file).size;
    write(ws);
    // Nothing on main moved the log into the file: only the worker can make it grow.
    const deadline = Date.now() + 10_000;
    while (fs.statSync(file).size < before + 8_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fs.statSync(file).size).toBeGreaterThan(before + 8_000_000);
  });

  it('close stops the worker first, so the last connection removes the WAL and the file alone is whole', () => {
    const { ws, file } = open('worker');
    write(ws);
    ws.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const again = openWorkspace(file);
    opened.push(again);
    expect((again.db.prepare('SELECT COUNT(*) AS n FROM trading_events').get() as { n: number }).n).toBe(8000);
  });

  it('inline (the default) keeps SQLite checkpointing inside the commits', () => {
    const { ws } = open('inline');
    expect(ws.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('prepareClose settles once the worker has copied the WAL (asked now, not at its next period)', async () => {
    const { ws, file } = open('worker');
    const before = fs.statSync(file).size;
    write(ws);
    await ws.prepareClose();
    expect(fs.statSync(file).size).toBeGreaterThan(before + 8_000_000);
    // Without a worker there is nothing to wait for.
    await open('inline').ws.prepareClose();
  });

  it('prepareClose stops the worker, so close() waits on no checkpoint in flight and still removes the WAL', async () => {
    const { ws, file } = open('worker');
    write(ws);
    await ws.prepareClose();
    // The worker is gone: autocheckpoints are back on the main connection, as after stop().
    expect(ws.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // Still writable until close(), which removes the WAL as the last connection.
    ws.db.prepare('INSERT INTO trading_events (seq, t, kind, body) VALUES (?, ?, ?, ?)').run(100_000, 1, 'tick', '{}');
    ws.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const again = openWorkspace(file);
    opened.push(again);
    expect((again.db.prepare('SELECT COUNT(*) AS n FROM trading_events').get() as { n: number }).n).toBe(8001);
  });
});
