import type { EngineEvent } from '#shared/domain/trading-commands';
import type { ApplyResult, Effect } from '#main/engine/effects';
import { Engine } from '#main/engine/engine';
import { canonicalJson } from '#main/engine/state/hash';
import type { Db } from '../store/db-types';
import { TradingLogRepo, type LoggedEvent, type StoredSnapshot } from '../store/trading-log-repo';
import { rebuild, sha256 } from './rebuild';
import type { TradingReplica } from './trading-replica';

export interface JournalOptions {
  /** Market events buffered before one group commit (a trader's command always commits at once). */
  readonly groupSize: number;
  /** Events between snapshots (a snapshot is also written at close). */
  readonly snapshotEvery: number;
  /** Check every snapshot's hash on open (and that the restored state hashes the same). */
  readonly verify: boolean;
}

/** Market events held back at most while the replica writes a snapshot (a few seconds of a fast replay). */
const MAX_DEFERRED = 50_000;

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
  /** The trading worker following this engine (a big crowd's): it writes the snapshots. */
  private replica: TradingReplica | null = null;
  /** The replica's snapshot last asked for (settles when written or refused). */
  private snapshotting: Promise<unknown> = Promise.resolve();
  /** Events applied here since the last flush, for the replica to apply too. */
  private toReplica: EngineEvent[] = [];

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

  /**
   * A journal over an engine rebuilt elsewhere (restoreOffMain: a worker read the snapshot, main
   * assembled the engine in slices and replayed the tail). `snapshotSeq`: the snapshot it came from.
   */
  static adopt(db: Db, engine: Engine, options: JournalOptions, snapshotSeq: number, replica?: TradingReplica): TradingJournal {
    const journal = new TradingJournal(db, engine, options, snapshotSeq);
    journal.replica = replica ?? null;
    return journal;
  }

  /** Whether a live worker replica writes this journal's snapshots. */
  get offMainSnapshots(): boolean {
    return this.replica?.alive === true;
  }

  /** Settles when the replica's last requested snapshot is written (or refused): for tests and the bench. */
  get snapshotWritten(): Promise<unknown> {
    return this.snapshotting;
  }

  /**
   * Logs an event the worker applied (crowd-open.ts): the engine adopted from it already holds it,
   * so only its row and its effects' rows are added (with the next flush).
   */
  record(event: EngineEvent, effects: readonly Effect[], seq: number): void {
    if (seq > this.seq) throw new Error(`event ${seq} recorded while the engine is at ${this.seq}`);
    this.pending.push({ seq, event, effects });
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
    if (this.replica) this.toReplica.push(event);
    if (durable) this.flush(false, true);
    else if (this.pending.length >= this.options.groupSize) this.flushGroup();
    return r;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /**
   * Commits the buffered events (and a snapshot when one is due) in one transaction; `durable`
   * (a command, a close) also waits for the disk (TradingLogRepo.append). With a live replica the
   * committed events go to it, and it writes the due snapshot off main (stamped with the log's
   * generation, so a rewind meanwhile discards it).
   */
  flush(forceSnapshot = false, durable = forceSnapshot): void {
    this.commit(forceSnapshot, durable, false);
  }

  /**
   * A group commit of market events (apply's, the frame timer's). While the replica stores a
   * snapshot it may wait in memory (a crash may lose it, as any uncommitted group) instead of main
   * waiting for the write lock. An explicit flush() never waits in memory: its callers read the
   * log right after (history tables, a rewind's cut, the heatmap's history rebuild).
   */
  flushGroup(): void {
    this.commit(false, false, true);
  }

  private commit(forceSnapshot: boolean, durable: boolean, mayDefer: boolean): void {
    if (mayDefer && this.replica?.writing && this.pending.length < MAX_DEFERRED) return;
    const due = forceSnapshot ? this.seq > this.lastSnapshotSeq : this.seq - this.lastSnapshotSeq >= this.options.snapshotEvery;
    if (this.pending.length === 0 && !due) return;
    const replica = this.replica?.alive ? this.replica : null;
    const snapshot = due && !replica ? this.makeSnapshot() : undefined;
    this.repo.append(this.pending, snapshot, durable);
    this.pending = [];
    if (replica) {
      replica.apply(this.toReplica, this.seq);
      if (due) this.snapshotting = replica.snapshot(this.seq, this.repo.generation());
    }
    this.toReplica = [];
    if (due) this.lastSnapshotSeq = this.seq;
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
    this.replica?.resync(cut - 1);
    const { engine, snapshotSeq } = rebuild(this.repo, cut - 1, false);
    this.engineRef = engine;
    this.lastSnapshotSeq = snapshotSeq;
    return { discarded, discardedCommands, seq: this.seq };
  }

  /** Commits and snapshots the head now, whatever the last snapshot (the state a crowd's worker opened). */
  snapshotHead(): void {
    this.lastSnapshotSeq = Math.min(this.lastSnapshotSeq, this.seq - 1);
    this.flush(true);
  }

  /** Stops the replica (another engine takes over: a crowd opened off main). */
  clearReplica(): void {
    void this.replica?.terminate();
    this.replica = null;
    this.toReplica = [];
  }

  /** Forgets everything: a new session starts from an empty log. */
  clear(): void {
    this.pending = [];
    this.clearReplica();
    this.repo.truncateFrom(1);
    this.engineRef = new Engine();
    this.lastSnapshotSeq = 0;
  }

  /**
   * Flushes and leaves a snapshot at the head, so the next open replays nothing; a replica
   * writes it after main has moved on (snapshotWritten settles when it is stored), then stops.
   */
  close(): void {
    this.flush(true);
    if (this.replica) this.snapshotting = this.replica.finish(this.snapshotting);
    this.replica = null;
  }
}
