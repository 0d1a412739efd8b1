import { createHash } from 'node:crypto';
import type { EngineEvent } from '#shared/domain/trading-commands';
import type { ApplyResult } from '#main/engine/effects';
import { Engine } from '#main/engine/engine';
import { canonicalJson } from '#main/engine/state/hash';
import type { Db } from '../store/db-types';
import { TradingLogRepo, type LoggedEvent, type StoredSnapshot } from '../store/trading-log-repo';
import { encodeRowsSteps } from '../store/trading-log-ops';
import { rebuild, sha256 } from './rebuild';

const utf8 = new TextEncoder();

export interface JournalOptions {
  /** Market events buffered before one group commit (a trader's command always commits at once). */
  readonly groupSize: number;
  /** Events between snapshots (a snapshot is also written at close). */
  readonly snapshotEvery: number;
  /** Check every snapshot's hash on open (and that the restored state hashes the same). */
  readonly verify: boolean;
}

/**
 * An event applied in steps with this many effects or more has its history rows written ahead,
 * ROWS_STEP effects per step (trading-log-ops.ts, PACKED_ROWS): ~250 liquidations' rows are ~1-2 ms.
 */
const ROWS_AHEAD = 500;
const ROWS_STEP = 250;

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
 * buffered market events first. With a log writer (openWorkspace's logWriter: 'worker'), full
 * groups commit in its worker while the engine goes on; flush(), a durable apply, a rewind and
 * the repo's reads wait for it, so they behave as if every group had committed here.
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

  /**
   * A journal over an engine rebuilt elsewhere (restoreOffMain: a worker read the snapshot, main
   * assembled the engine in slices and replayed the tail). `snapshotSeq`: the snapshot it came from.
   */
  static adopt(db: Db, engine: Engine, options: JournalOptions, snapshotSeq: number): TradingJournal {
    return new TradingJournal(db, engine, options, snapshotSeq);
  }

  /** `planId`: the command was placed from a saved plan; the orders it creates are linked to it. */
  apply(event: EngineEvent, durable: boolean, planId?: string): ApplyResult {
    const idsBefore = this.engineRef.readState.ids.order;
    return this.record(event, this.engineRef.apply(event), durable, idsBefore, planId);
  }

  /**
   * A market event applied in steps (Engine.applySteps: the tick that opens a big crowd), then
   * logged as apply() logs it. Between steps the engine is mid-event: the caller lets nothing
   * else read or apply it until the generator ends.
   */
  *applySteps(event: EngineEvent, every: number): Generator<void, ApplyResult> {
    const idsBefore = this.engineRef.readState.ids.order;
    const r = yield* this.engineRef.applySteps(event, every);
    // A cascade's rows are written here, in steps too, not in one piece at the group's commit.
    const rows = r.ok && r.effects.length >= ROWS_AHEAD ? yield* encodeRowsSteps(this.seq, r.effects, ROWS_STEP) : undefined;
    return this.record(event, r, false, idsBefore, undefined, rows);
  }

  private record(event: EngineEvent, r: ApplyResult, durable: boolean, idsBefore: number, planId?: string, rows?: readonly Uint8Array[]): ApplyResult {
    if (!r.ok) return r;
    // The orders this command created (the entry, and attached orders created with it).
    const created = planId ? [...new Set(r.effects.flatMap((e) => (e.kind === 'order' && e.order.id > idsBefore && e.order.parentId === null ? [e.order.id] : [])))] : [];
    const plan = planId ? { planId, orderIds: created } : undefined;
    this.pending.push({ seq: this.seq, event, effects: r.effects, ...(plan ? { plan } : {}), ...(rows ? { rows } : {}) });
    if (durable) this.flush(false, true);
    // A full group is handed over and not waited for (with a log writer, its worker commits it).
    else if (this.pending.length >= this.options.groupSize) this.commit(false, false);
    return r;
  }

  /** Events applied and not committed yet (buffered here, or in the log writer's queue). */
  get pendingCount(): number {
    return this.pending.length + this.repo.uncommitted;
  }

  /**
   * Commits the buffered events (and a snapshot when one is due) in one transaction, and returns
   * once everything applied so far is committed (readable from any connection); `durable` (a
   * command, a close) also waits for the disk (TradingLogRepo.append).
   */
  flush(forceSnapshot = false, durable = forceSnapshot): void {
    this.commit(forceSnapshot, durable);
    this.repo.settle();
  }

  /**
   * Hands the buffered market events on to be committed without waiting for them: with a log
   * writer its worker commits them (a pushed frame must not wait for a snapshot's 55 MB insert
   * there); without one they commit here. flush() is for whoever must read them back.
   */
  handOver(): void {
    this.commit(false, false);
  }

  private commit(forceSnapshot: boolean, durable: boolean): void {
    const due = forceSnapshot ? this.seq > this.lastSnapshotSeq : !this.snapshotsInSteps && this.snapshotDue;
    if (this.pending.length === 0 && !due) return;
    const snapshot = due ? this.makeSnapshot() : undefined;
    this.repo.append(this.pending, snapshot, durable);
    this.pending = [];
    if (snapshot) this.lastSnapshotSeq = snapshot.seq;
  }

  /** Events applied since the last snapshot (0: a snapshot stands at the head). */
  get sinceSnapshot(): number {
    return this.seq - this.lastSnapshotSeq;
  }

  /** A periodic snapshot is due (every snapshotEvery events). */
  get snapshotDue(): boolean {
    return this.seq - this.lastSnapshotSeq >= this.options.snapshotEvery;
  }

  /**
   * Whether periodic snapshots are left to snapshotSteps (the trading service sets it for a big
   * state, whose snapshot would hold main's thread ~1.5 s); a close still snapshots at once.
   */
  snapshotsInSteps = false;

  /**
   * The periodic snapshot written a slice at a time (`every` accounts), then stored with the
   * events before it: the same snapshot as flush() makes. Nothing may apply to the engine until
   * the generator ends.
   */
  *snapshotSteps(every: number): Generator<void, void> {
    // The events before it go first, in the same queue as the snapshot itself: nothing to wait for.
    this.handOver();
    const seq = this.seq;
    if (seq <= this.lastSnapshotSeq) return;
    try {
      // UTF-8 chunks, hashed as they are encoded: the log writer's thread joins and decodes them
      // (joining 70 MB of text and posting it held main 200-400 ms in one piece). Each piece is
      // encoded as it is written, so its text dies young (snapshot-text.ts).
      const hash = createHash('sha256');
      const body: Uint8Array[] = [];
      const index: Uint8Array[] = [];
      const text = yield* this.engineRef.snapshotTextSteps(every, {
        body: (part) => {
          const bytes = utf8.encode(part);
          hash.update(bytes);
          body.push(bytes);
        },
        index: (part) => void index.push(utf8.encode(part)),
      });
      this.repo.append([], { seq: text.seq, t: text.t, hash: hash.digest('hex'), body, index }, false);
    } finally {
      // A failed snapshot is tried again snapshotEvery events later, not at every event.
      this.lastSnapshotSeq = seq;
    }
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
    const cut = this.cutAt(t, headerSeq);
    if (!cut) return { discarded: 0, discardedCommands: 0, seq: this.seq };
    const { engine, snapshotSeq } = rebuild(this.repo, cut.seq - 1, false);
    this.adoptRebuilt(engine, snapshotSeq);
    return { discarded: cut.discarded, discardedCommands: cut.discardedCommands, seq: this.seq };
  }

  /**
   * A rewind's first half: the log loses every event at or after t (after the header); null when
   * there is none. The engine is stale until adoptRebuilt() hands it the state as of the cut
   * (rebuilt off main for a big crowd: trading-service.ts); nothing may be applied in between.
   */
  cutAt(t: number, headerSeq: number): { readonly seq: number; readonly discarded: number; readonly discardedCommands: number } | null {
    this.flush();
    const seq = this.repo.firstSeqAtOrAfter(t, headerSeq);
    if (seq === null) return null;
    const discarded = this.repo.countEvents(seq);
    const discardedCommands = this.repo.countEvents(seq, 'command');
    this.repo.truncateFrom(seq);
    return { seq, discarded, discardedCommands };
  }

  adoptRebuilt(engine: Engine, snapshotSeq: number): void {
    this.pending = [];
    this.engineRef = engine;
    this.lastSnapshotSeq = snapshotSeq;
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
