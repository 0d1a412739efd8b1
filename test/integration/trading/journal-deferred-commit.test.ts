import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { openWorkspace } from '#main/store/db';
import { Engine } from '#main/engine/engine';
import { TradingJournal } from '#main/trading/journal';
import type { TradingReplica } from '#main/trading/trading-replica';
import { useTempDirs } from '../helpers/temp-dir';
import { scriptedSession } from './session-script';

const tempDir = useTempDirs();
const OPTS = { groupSize: 10, snapshotEvery: 1_000_000, verify: true };

/**
 * A replica that is always "storing a snapshot" (its worker holds the write lock): the journal
 * reads only alive/writing and hands it the committed events, so a plain object stands in.
 */
function busyReplica(): { replica: TradingReplica; applied: EngineEvent[] } {
  const applied: EngineEvent[] = [];
  const replica = {
    alive: true,
    writing: true,
    apply: (events: readonly EngineEvent[]) => applied.push(...events),
    snapshot: () => Promise.resolve({ written: true, ms: 0 }),
    resync: () => undefined,
    terminate: () => Promise.resolve(),
    finish: () => Promise.resolve(),
  };
  return { replica: replica as unknown as TradingReplica, applied };
}

function journalWithBusyReplica(file: string) {
  const ws = openWorkspace(file);
  const engine = new Engine();
  const { replica, applied } = busyReplica();
  const journal = TradingJournal.adopt(ws.db, engine, OPTS, 0, replica);
  return { ws, journal, applied };
}

describe('journal commits while the replica writes a snapshot', () => {
  it('holds group commits of market events in memory, but commits a command at once', () => {
    const { ws, journal } = journalWithBusyReplica(path.join(tempDir(), 'w.db'));
    const events = scriptedSession(40).filter((e) => e.kind !== 'command');
    for (const e of events) expect(journal.apply(e, false).ok).toBe(true);
    // More than a group's worth applied, none written: the groups wait for the lock to free.
    expect(journal.pendingCount).toBe(events.length);
    expect(journal.repo.lastSeq()).toBe(0);
    journal.flushGroup();
    expect(journal.repo.lastSeq()).toBe(0);
    ws.close();
  });

  it('an explicit flush() commits everything, so a read, a rewind or a history rebuild right after sees every applied event', () => {
    const { ws, journal, applied } = journalWithBusyReplica(path.join(tempDir(), 'w.db'));
    const events = scriptedSession(40).filter((e) => e.kind !== 'command');
    for (const e of events) journal.apply(e, false);
    journal.flush();
    expect(journal.pendingCount).toBe(0);
    expect(journal.repo.lastSeq()).toBe(journal.seq);
    expect(applied.length).toBe(events.length);
    // The log on disk replays to the engine's state.
    const fresh = new Engine();
    for (const { event } of journal.repo.events(1)) expect(fresh.apply(event).ok).toBe(true);
    expect(fresh.stateHash()).toBe(journal.engine.stateHash());
    ws.close();
  });

  it('a rewind while the replica writes cuts the whole log, not the part that happened to be committed', () => {
    const { ws, journal } = journalWithBusyReplica(path.join(tempDir(), 'w.db'));
    const events = scriptedSession(60).filter((e) => e.kind !== 'command');
    for (const e of events) journal.apply(e, false);
    const ticks = events.filter((e): e is Extract<EngineEvent, { kind: 'tick' }> => e.kind === 'tick');
    const cutAt = ticks[30]!.tick.t;
    const report = journal.rewindTo(cutAt, 2);
    expect(report.discarded).toBeGreaterThan(0);
    expect(journal.pendingCount).toBe(0);
    // The engine is at the cut, and the log holds exactly the events before it.
    expect(journal.repo.lastSeq()).toBe(journal.seq);
    expect(journal.engine.readState.t).toBeLessThan(cutAt);
    ws.close();
  });
});
