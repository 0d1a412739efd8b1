import { createHash } from 'node:crypto';
import type { EngineEvent } from '#shared/domain/trading-commands';
import type { ApplyResult } from '#main/engine/effects';
import { Engine } from '#main/engine/engine';
import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import { canonicalJson } from '#main/engine/state/hash';
import type { EngineSnapshot } from '#main/engine/state/snapshot';
import type { Db } from '../store/db-types';
import { TradingLogRepo, type LoggedEvent, type StoredSnapshot } from '../store/trading-log-repo';

export interface JournalOptions {
  /** Market events buffered before one group commit (a trader's command always commits at once). */
  readonly groupSize: number;
  /** Events between snapshots (a snapshot is also written at close). */
  readonly snapshotEvery: number;
  /** Check every snapshot's hash on open (and that the restored state hashes the same). */
  readonly verify: boolean;
}

export const DEFAULT_JOURNAL_OPTIONS: JournalOptions = { groupSize: 2000, snapshotEvery: 100_000, verify: true };

export interface OpenReport {
  readonly snapshotSeq: number;
  readonly replayed: number;
  readonly lastSeq: number;
  readonly ms: number;
  readonly hash: string;
}

export interface RewindReport {
  /** Events removed (the engine's history at or after the rewind time). */
  readonly discarded: number;
  /** Of which the trader's own commands. */
  readonly discardedCommands: number;
  readonly seq: number;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The engine with its event log: every accepted event is appended with the rows it produced;
 * refused commands leave no trace. Durability per event: a trader's command (durable = true)
 * commits before apply() returns, market events are group-committed (a crash loses at most the
 * uncommitted tail of market events, never half of one, and never a command that was answered).
 * The log is always a prefix of what the engine applied, because a durable apply flushes the
 * buffered market events first.
 */
export class TradingJournal {
  readonly repo: TradingLogRepo;
  private pending: LoggedEvent[] = [];
  private lastSnapshotSeq: number;

  private constructor(
    db: Db,
    private engineRef: Engine,
    private readonly options: JournalOptions,
    snapshotSeq: number,
  ) {
    this.repo = new TradingLogRepo(db);
    this.lastSnapshotSeq = snapshotSeq;
  }

  get engine(): Engine {
    return this.engineRef;
  }

  get seq(): number {
    return this.engineRef.readState.seq;
  }

  /** Rebuilds the engine from the latest valid snapshot and the events after it. */
  static open(db: Db, options: JournalOptions = DEFAULT_JOURNAL_OPTIONS): { journal: TradingJournal; report: OpenReport } {
    const started = performance.now();
    const repo = new TradingLogRepo(db);
    const lastSeq = repo.lastSeq();
    const { engine, snapshotSeq } = rebuild(repo, lastSeq, options.verify);
    const journal = new TradingJournal(db, engine, options, snapshotSeq);
    return { journal, report: { snapshotSeq, replayed: lastSeq - snapshotSeq, lastSeq, ms: performance.now() - started, hash: engine.stateHash() } };
  }

  /** `planId`: the command was placed from a saved plan; the orders it creates are linked to it. */
  apply(event: EngineEvent, durable: boolean, planId?: string): ApplyResult {
    const idsBefore = this.engineRef.readState.ids.order;
    const r = this.engineRef.apply(event);
    if (!r.ok) return r;
    // The orders this command created (the entry, and attached orders created with it).
    const created = planId ? [...new Set(r.effects.flatMap((e) => (e.kind === 'order' && e.order.id > idsBefore && e.order.parentId === null ? [e.order.id] : [])))] : [];
    const plan = planId ? { planId, orderIds: created } : undefined;
    this.pending.push({ seq: this.seq, event, effects: r.effects, ...(plan ? { plan } : {}) });
    if (durable || this.pending.length >= this.options.groupSize) this.flush();
    return r;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Commits the buffered events (and a snapshot when one is due) in one transaction. */
  flush(forceSnapshot = false): void {
    const due = forceSnapshot ? this.seq > this.lastSnapshotSeq : this.seq - this.lastSnapshotSeq >= this.options.snapshotEvery;
    if (this.pending.length === 0 && !due) return;
    const snapshot = due ? this.makeSnapshot() : undefined;
    this.repo.append(this.pending, snapshot);
    this.pending = [];
    if (snapshot) this.lastSnapshotSeq = snapshot.seq;
  }

  private makeSnapshot(): StoredSnapshot {
    const snap = this.engineRef.snapshot();
    const body = canonicalJson(snap);
    // The derived index rides along (outside the hash) so a reopen need not re-solve every position.
    return { seq: snap.seq, t: snap.t, hash: sha256(body), body, index: JSON.stringify(this.engineRef.indexSnapshot()) };
  }

  /**
   * Rewinds to the state as of market time t: every event at or after t (after the session's
   * header events) is deleted with its rows, and the engine is rebuilt from the latest snapshot
   * before the cut. The timeline forks: the trader's later commands are gone (reported).
   */
  rewindTo(t: number, headerSeq: number): RewindReport {
    this.flush();
    const cut = this.repo.firstSeqAtOrAfter(t, headerSeq);
    if (cut === null) return { discarded: 0, discardedCommands: 0, seq: this.seq };
    const discarded = this.repo.countEvents(cut);
    const discardedCommands = this.repo.countEvents(cut, 'command');
    this.repo.truncateFrom(cut);
    const { engine, snapshotSeq } = rebuild(this.repo, cut - 1, false);
    this.engineRef = engine;
    this.lastSnapshotSeq = snapshotSeq;
    return { discarded, discardedCommands, seq: this.seq };
  }

  /** Forgets everything: a new session starts from an empty log. */
  clear(): void {
    this.pending = [];
    this.repo.truncateFrom(1);
    this.engineRef = new Engine();
    this.lastSnapshotSeq = 0;
  }

  /** Flushes and leaves a snapshot at the head, so the next open replays nothing. */
  close(): void {
    this.flush(true);
  }
}

/** The stored liquidation index, or undefined (none, or unreadable: the restore then solves everything). */
function parseIndex(text: string | null | undefined): LiquidationIndexData | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as LiquidationIndexData;
  } catch {
    return undefined;
  }
}

function rebuild(repo: TradingLogRepo, toSeq: number, verify: boolean): { engine: Engine; snapshotSeq: number } {
  const snap = repo.latestSnapshot(toSeq);
  let engine: Engine;
  let from = 1;
  if (snap) {
    if (verify && sha256(snap.body) !== snap.hash) throw new Error(`trading snapshot at event ${snap.seq} does not match its hash: the workspace is damaged`);
    const index = parseIndex(snap.index);
    engine = Engine.restore(JSON.parse(snap.body) as EngineSnapshot, index ? { index } : {});
    if (verify && sha256(canonicalJson(engine.snapshot())) !== snap.hash) throw new Error(`trading snapshot at event ${snap.seq} does not restore to the same state`);
    from = snap.seq + 1;
  } else {
    engine = new Engine();
  }
  for (const { seq, event } of repo.events(from, toSeq)) {
    const r = engine.apply(event);
    if (!r.ok) throw new Error(`trading log event ${seq} (${event.kind}) is refused on replay: ${r.rejection.message}`);
    if (engine.readState.seq !== seq) throw new Error(`trading log out of step at event ${seq}`);
  }
  return { engine, snapshotSeq: snap?.seq ?? 0 };
}
