import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '#main/store/db';
import { TradingJournal } from '#main/trading/journal';
import { sha256 } from '#main/trading/rebuild';
import { RestoreWorker, restoreOffMain } from '#main/trading/restore-off-main';
import { TradingService } from '#main/trading/trading-service';
import { useTempDirs } from '../helpers/temp-dir';
import { scriptedSession } from './session-script';

const tempDir = useTempDirs();
const OPTS = { groupSize: 50, snapshotEvery: 300, verify: true };

/**
 * Issue 10 item 7: a big workspace reopens off main's event loop (a worker reads and parses the
 * snapshot, main assembles its engine in slices and replays the tail). It must be the engine the
 * synchronous reopen gives: same state hash, and the same state after the same further events.
 */
describe('reopening the trading engine off main', () => {
  /** A session of 1,000 events; `close` leaves a snapshot at the head, otherwise a tail after the last one. */
  function session(file: string, close: boolean): { hash: string; rest: ReturnType<typeof scriptedSession> } {
    const events = scriptedSession(1500);
    const ws = openWorkspace(file);
    const { journal } = TradingJournal.open(ws.db, OPTS);
    for (const e of events.slice(0, 1000)) journal.apply(e, e.kind === 'command');
    if (close) journal.close();
    else journal.flush(false, true);
    const hash = journal.engine.stateHash();
    ws.close();
    return { hash, rest: events.slice(1000) };
  }

  it.each([
    ['a snapshot at the head', true, undefined],
    ['a snapshot at the head, its accounts checked on main', true, 1],
    ['a snapshot and a tail of events', false, undefined],
  ])('gives the synchronous engine with %s, and continues the same', async (_label, close, mainChecks) => {
    const file = path.join(tempDir(), 'w.db');
    const { hash, rest } = session(file, close);
    const sync = openWorkspace(file);
    const opened = TradingJournal.open(sync.db, OPTS);
    expect(opened.report.hash).toBe(hash);
    const ws = openWorkspace(file);
    const off = await restoreOffMain(ws.db, file, true, undefined, mainChecks);
    expect(off.hash).toBe(hash);
    expect(off.engine.stateHash()).toBe(hash);
    expect(off.lastSeq).toBe(opened.report.lastSeq);
    expect(off.snapshotSeq).toBe(opened.report.snapshotSeq);
    if (!close) expect(off.lastSeq).toBeGreaterThan(off.snapshotSeq);
    expect(off.engine.indexes.liq.size).toBe(opened.journal.engine.indexes.liq.size);
    for (const e of rest) {
      expect(off.engine.apply(e).ok).toBe(opened.journal.engine.apply(e).ok);
    }
    expect(off.engine.stateHash()).toBe(opened.journal.engine.stateHash());
    ws.close();
    sync.close();
  });

  it('refuses a damaged snapshot as the synchronous open does, and the service keeps the log untouched', async () => {
    const file = path.join(tempDir(), 'w.db');
    session(file, true);
    const ws = openWorkspace(file);
    ws.db.prepare("UPDATE trading_snapshots SET body = replace(body, '\"fees\":\"', '\"fees\":\"1') WHERE seq = (SELECT MAX(seq) FROM trading_snapshots)").run();
    const events = ws.db.prepare('SELECT COUNT(*) AS n FROM trading_events').get() as { n: number };
    await expect(restoreOffMain(ws.db, file, true)).rejects.toThrow(/does not match its hash/);
    const service = new TradingService({ db: ws.db, publish: () => undefined, defaults: () => ({ profile: 'binance-usdm', leverage: 10, mode: 'isolated' }), offMain: { dbPath: file, when: 'always' } });
    await expect(service.ready).rejects.toThrow(/does not match its hash/);
    expect(() => service.command({ type: 'deposit', amount: '1' } as never)).toThrow(/could not be reopened/);
    service.onTick({ t: Date.now(), symbol: 'BTCUSDT', last: '1' as never, index: '1' as never, mark: '1' as never, liquidity: { depthScale: 1, spreadBps: 1 } });
    expect((ws.db.prepare('SELECT COUNT(*) AS n FROM trading_events').get() as { n: number }).n).toBe(events.n);
    service.close();
    ws.close();
  });

  it.each([
    // The accounts go to main before the body's hash is checked: the first account no longer parses there.
    ['an account no longer parses on main', "substr(body, 1, instr(body, '\"wallet\":\"') + 8) || substr(body, instr(body, '\"wallet\":\"') + 10)"],
    // The worker cannot even send the head.
    ['the head no longer parses in the worker', "replace(body, '\"fees\":\"', '\"fees\":')"],
  ])('names the damage by the hash when %s', async (_label, damaged) => {
    const file = path.join(tempDir(), 'w.db');
    session(file, true);
    const ws = openWorkspace(file);
    ws.db.prepare(`UPDATE trading_snapshots SET body = ${damaged} WHERE seq = (SELECT MAX(seq) FROM trading_snapshots)`).run();
    const body = (ws.db.prepare('SELECT body FROM trading_snapshots ORDER BY seq DESC LIMIT 1').get() as { body: string }).body;
    expect(() => JSON.parse(body)).toThrow(SyntaxError);
    await expect(restoreOffMain(ws.db, file, true)).rejects.toThrow(/does not match its hash/);
    ws.close();
  });

  it.each([
    ['at the head (checked without indexes)', true, undefined],
    // Every account piece is main's to check (main-piece-check.ts): the worker checks only the head.
    ['at the head, its accounts checked on main', true, 1],
    ['with a tail', false, undefined],
  ])('refuses a snapshot %s that matches its hash but does not restore to the same state', async (_label, close, mainChecks) => {
    const file = path.join(tempDir(), 'w.db');
    session(file, close);
    const ws = openWorkspace(file);
    const row = ws.db.prepare('SELECT seq, body FROM trading_snapshots ORDER BY seq DESC LIMIT 1').get() as { seq: number; body: string };
    // "0123.4" is the same number as "123.4", but not the text the engine writes: in an account's
    // wallet when main checks the accounts, else in the head's fees.
    const body = mainChecks ? row.body.replace(/"wallet":"([1-9])/, '"wallet":"0$1') : row.body.replace('"fees":"', '"fees":"0');
    expect(body).not.toBe(row.body);
    ws.db.prepare('UPDATE trading_snapshots SET body = ?, hash = ? WHERE seq = ?').run(body, sha256(body), row.seq);
    await expect(restoreOffMain(ws.db, file, true, undefined, mainChecks)).rejects.toThrow(/does not restore to the same state/);
    ws.close();
  });

  it('takes a thread started before its job (createAppAsync boots one beside the page check), and hears of one that ended first', async () => {
    const file = path.join(tempDir(), 'w.db');
    const { hash } = session(file, true);
    const ws = openWorkspace(file);
    const early = new RestoreWorker();
    await new Promise((r) => setTimeout(r, 50));
    expect((await restoreOffMain(ws.db, file, true, early)).hash).toBe(hash);
    // A thread gone before the reopen starts: its end is kept, so the reopen fails instead of waiting for ever.
    const gone = new RestoreWorker();
    gone.terminate();
    await gone.ended;
    await expect(restoreOffMain(ws.db, file, true, gone)).rejects.toThrow(/restore worker stopped/);
    ws.close();
  });

  it('a service that opens synchronously (a small workspace) stops the thread it was given', async () => {
    const file = path.join(tempDir(), 'w.db');
    session(file, true);
    const ws = openWorkspace(file);
    const thread = new RestoreWorker();
    const service = new TradingService({ db: ws.db, publish: () => undefined, defaults: () => ({ profile: 'binance-usdm', leverage: 10, mode: 'isolated' }), offMain: { dbPath: file, worker: thread } });
    expect(service.restoring).toBe(false);
    expect((await thread.ended).message).toMatch(/restore worker stopped/);
    service.close();
    ws.close();
  });

  it('the service answers "still opening" meanwhile, then has the session with the same hash', async () => {
    const file = path.join(tempDir(), 'w.db');
    const { hash } = session(file, true);
    const ws = openWorkspace(file);
    ws.db.prepare("INSERT INTO trading_meta (key, value) VALUES ('session', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
      JSON.stringify({ key: 'k', name: 'n', symbol: 'BTCUSDT', t0: 0, headerSeq: 2, script: [] }),
    );
    const service = new TradingService({ db: ws.db, publish: () => undefined, defaults: () => ({ profile: 'binance-usdm', leverage: 10, mode: 'isolated' }), offMain: { dbPath: file, when: 'always' } });
    expect(service.restoring).toBe(true);
    expect(service.currentSession).toBeNull();
    expect(() => service.command({ type: 'deposit', amount: '1' } as never)).toThrow(/still opening/);
    await service.ready;
    expect(service.restoring).toBe(false);
    expect(service.currentSession?.key).toBe('k');
    expect(service.stateHash()).toBe(hash);
    expect(service.engine.stateHash()).toBe(hash);
    service.close();
    ws.close();
  });
});
