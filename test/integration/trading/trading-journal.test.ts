import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { openWorkspace } from '#main/store/db';
import { Engine } from '#main/engine/engine';
import { TradingJournal } from '#main/trading/journal';
import { TradingHistoryRepo } from '#main/store/trading-history-repo';
import { useTempDirs } from '../helpers/temp-dir';
import { scriptedSession } from './session-script';

const tempDir = useTempDirs();
const OPTS = { groupSize: 50, snapshotEvery: 300, verify: true };

function openJ(file: string) {
  const ws = openWorkspace(file);
  const { journal, report } = TradingJournal.open(ws.db, OPTS);
  return { ws, journal, report };
}

describe('trading journal (event log in SQLite)', () => {
  it('reopens to the exact state, from snapshot + tail and from a full replay of the log', () => {
    const file = path.join(tempDir(), 'w.db');
    const events = scriptedSession(1200);
    const { ws, journal } = openJ(file);
    let accepted = 0;
    for (const e of events) if (journal.apply(e, e.kind === 'command').ok) accepted += 1;
    const hash = journal.engine.stateHash();
    journal.flush();
    ws.close();

    const again = openJ(file);
    expect(again.report.lastSeq).toBe(accepted);
    expect(again.report.snapshotSeq).toBeGreaterThan(0);
    expect(again.report.hash).toBe(hash);
    // A replay of the whole log, ignoring snapshots, gives the same hash.
    const fresh = new Engine();
    for (const { event } of again.journal.repo.events(1)) expect(fresh.apply(event).ok).toBe(true);
    expect(fresh.stateHash()).toBe(hash);
    again.ws.close();
  });

  it('writes each event with its rows: the history matches what a replay produces', () => {
    const file = path.join(tempDir(), 'w.db');
    const { ws, journal } = openJ(file);
    let fills = 0;
    const orders = new Set<number>();
    let liquidations = 0;
    for (const e of scriptedSession(800)) {
      const r = journal.apply(e, e.kind === 'command');
      if (!r.ok) continue;
      for (const x of r.effects) {
        if (x.kind === 'fill' && x.fill.account === 'me') fills += 1;
        if (x.kind === 'order' && x.account === 'me') orders.add(x.order.id);
        if (x.kind === 'liquidation') liquidations += 1;
      }
    }
    journal.flush();
    expect(fills).toBeGreaterThan(10);
    expect(liquidations).toBeGreaterThan(0);
    const h = new TradingHistoryRepo(ws.db);
    expect(h.fills('me', 0, 1).total).toBe(fills);
    expect(h.orders('me', 0, 10_000).rows.map((o) => o.id).sort((a, b) => a - b)).toEqual([...orders].sort((a, b) => a - b));
    expect(h.liquidations('all', 0, 1).total).toBe(liquidations);
    ws.close();
  });

  it('rewinds to a market time: later events and their rows are gone, the state is as it was then', () => {
    const file = path.join(tempDir(), 'w.db');
    const { ws, journal } = openJ(file);
    const events = scriptedSession(1000);
    const tCut = (events[600] as Extract<EngineEvent, { kind: 'tick' }>).tick?.t ?? 0;
    const reference = new Engine();
    for (const e of events) {
      const te = e.kind === 'tick' ? e.tick.t : e.kind === 'funding' ? e.funding.t : e.t;
      if (te < tCut || e.kind === 'setup' || e.kind === 'crowd') reference.apply(e);
      journal.apply(e, e.kind === 'command');
    }
    const report = journal.rewindTo(tCut, 2);
    expect(report.discarded).toBeGreaterThan(0);
    expect(journal.engine.stateHash()).toBe(reference.stateHash());
    const h = new TradingHistoryRepo(ws.db);
    for (const f of h.fills('me', 0, 100_000).rows) expect(f.t).toBeLessThan(tCut);
    ws.close();
    const again = openJ(file);
    expect(again.report.hash).toBe(reference.stateHash());
    again.ws.close();
  });
});
