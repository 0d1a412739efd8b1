import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '#main/store/db';
import { TradingJournal } from '#main/trading/journal';
import { useTempDirs } from '../helpers/temp-dir';
import { scriptedSession } from './session-script';

const tempDir = useTempDirs();
const OPTS = { groupSize: 50, snapshotEvery: 300, verify: true };

/**
 * Issue 10, item 8: snapshots carry the engine's liquidation index (migration 0100), and a reopen
 * restores it instead of solving every position again; a missing or damaged index only costs
 * time: the reopened engine is the same either way, and continues the same.
 */
describe('trading snapshots with the liquidation index', () => {
  function session(file: string): { hash: string; rest: ReturnType<typeof scriptedSession> } {
    const events = scriptedSession(1500);
    const ws = openWorkspace(file);
    const { journal } = TradingJournal.open(ws.db, OPTS);
    for (const e of events.slice(0, 1000)) journal.apply(e, e.kind === 'command');
    journal.close();
    const hash = journal.engine.stateHash();
    ws.close();
    return { hash, rest: events.slice(1000) };
  }

  function reopenAndContinue(file: string, rest: ReturnType<typeof scriptedSession>): { hash: string; after: string; entries: number } {
    const ws = openWorkspace(file);
    const { journal, report } = TradingJournal.open(ws.db, OPTS);
    const entries = journal.engine.indexes.liq.size;
    for (const e of rest) journal.apply(e, e.kind === 'command');
    const after = journal.engine.stateHash();
    ws.close();
    return { hash: report.hash, after, entries };
  }

  it('stores the index with every snapshot and reopens to the same state with it, without it, and with a damaged one', () => {
    const files = ['a', 'b', 'c'].map((n) => path.join(tempDir(), `${n}.db`));
    const runs = files.map((f) => session(f));
    const ws = openWorkspace(files[0]!);
    const rows = ws.db.prepare('SELECT index_body FROM trading_snapshots').all() as Array<{ index_body: string | null }>;
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(JSON.parse(r.index_body!).format).toBe(1);
    ws.close();
    // b: an old-style snapshot (no index); c: a damaged one.
    const b = openWorkspace(files[1]!);
    b.db.prepare('UPDATE trading_snapshots SET index_body = NULL').run();
    b.close();
    const c = openWorkspace(files[2]!);
    c.db.prepare("UPDATE trading_snapshots SET index_body = '{\"format\":1,\"entries\":[[1,2'").run();
    c.close();
    const reopened = files.map((f, i) => reopenAndContinue(f, runs[i]!.rest));
    for (let i = 0; i < 3; i++) expect(reopened[i]!.hash).toBe(runs[i]!.hash);
    expect(reopened[0]!.entries).toBeGreaterThan(0);
    expect(reopened[1]!.entries).toBe(reopened[0]!.entries);
    expect(reopened[2]!.entries).toBe(reopened[0]!.entries);
    expect(reopened[1]!.after).toBe(reopened[0]!.after);
    expect(reopened[2]!.after).toBe(reopened[0]!.after);
  });
});
