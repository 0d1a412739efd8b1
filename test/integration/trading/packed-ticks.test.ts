import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '#main/store/db';
import { decodeEventBody } from '#main/store/tick-columns';
import { TradingJournal } from '#main/trading/journal';
import { useTempDirs } from '../helpers/temp-dir';
import { scriptedSession } from './session-script';

const tempDir = useTempDirs();
const OPTS = { groupSize: 50, snapshotEvery: 1_000_000, verify: true };

/**
 * Plain price updates are stored packed (migration 110). A workspace written before holds JSON
 * bodies: after the migration it holds both, and both read back as the events that were applied.
 */
describe('packed price updates in the trading log', () => {
  it('reads a log of JSON bodies (written before migration 110) and packed ones alike, to the same state', () => {
    const file = path.join(tempDir(), 'w.db');
    const events = scriptedSession(600);
    let ws = openWorkspace(file);
    let { journal } = TradingJournal.open(ws.db, OPTS);
    // The script's commands include refused ones, which the log does not keep.
    const applied: typeof events = [];
    for (const e of events.slice(0, 400)) if (journal.apply(e, e.kind === 'command').ok) applied.push(e);
    journal.flush(false, true);
    const packed = ws.db.prepare("SELECT COUNT(*) AS n FROM trading_events WHERE body LIKE '~%'").get() as { n: number };
    expect(packed.n).toBeGreaterThan(300);
    // As a Levdesk before migration 110 left it: every body JSON, user_version 100.
    const rows = ws.db.prepare('SELECT seq, body FROM trading_events').all() as Array<{ seq: number; body: string }>;
    const update = ws.db.prepare('UPDATE trading_events SET body = ? WHERE seq = ?');
    ws.db.transaction(() => {
      for (const r of rows) update.run(JSON.stringify(decodeEventBody(r.body)), r.seq);
    })();
    ws.db.pragma('user_version = 100');
    ws.close();

    ws = openWorkspace(file);
    expect(ws.db.pragma('user_version', { simple: true })).toBe(110);
    ({ journal } = TradingJournal.open(ws.db, OPTS));
    for (const e of events.slice(400)) if (journal.apply(e, e.kind === 'command').ok) applied.push(e);
    journal.flush(false, true);
    const kinds = ws.db.prepare("SELECT SUM(body LIKE '~%') AS packed, SUM(body LIKE '{%') AS json FROM trading_events").get() as { packed: number; json: number };
    expect(kinds.packed).toBeGreaterThan(100);
    expect(kinds.json).toBeGreaterThan(300);
    // Every event reads back as the one applied (its JSON, key order included).
    expect([...journal.repo.events(1)].map((e) => JSON.stringify(e.event))).toEqual(applied.map((e) => JSON.stringify(e)));
    // And a full replay of the mixed log gives the live engine's state.
    const hash = journal.engine.stateHash();
    ws.close();
    const fresh = openWorkspace(path.join(tempDir(), 'fresh.db'));
    const reference = TradingJournal.open(fresh.db, OPTS).journal;
    for (const e of events) reference.apply(e, e.kind === 'command');
    expect(reference.engine.stateHash()).toBe(hash);
    fresh.close();
    ws = openWorkspace(file);
    expect(TradingJournal.open(ws.db, { ...OPTS, snapshotEvery: 1_000_000 }).journal.engine.stateHash()).toBe(hash);
    ws.close();
  });
});
