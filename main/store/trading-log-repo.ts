import type { EngineEvent } from '#shared/domain/trading-commands';
import type { Db, Statement } from './db-types';
import { logWriterOf, type LogWriter } from './log-writer';
import { decodeEventBody } from './tick-columns';
import { LOG_STATEMENTS, encodeAppend, runOps, type LoggedEvent, type SnapshotBytes, type SnapshotToStore, type StoredSnapshot } from './trading-log-ops';

export type { LoggedEvent, SnapshotBytes, StoredSnapshot } from './trading-log-ops';

/**
 * The trading event log, its snapshots and the history rows of each event (migration 0030).
 * Every write is one transaction; callers hand whole events, so a crash at any moment leaves a
 * prefix of the log with exactly the rows of the events in it.
 *
 * When the workspace has a log writer (log-writer.ts), non-durable groups commit in its worker;
 * everything else here (a durable append, a truncation, every read) first waits until the worker
 * has committed what it was given, so it runs after, and sees, every event appended before it.
 */
export class TradingLogRepo {
  private readonly statements: ReadonlyArray<Statement<unknown[]>>;
  private readonly selectLastSeq: Statement<[], { seq: number | null }>;
  private readonly selectEvents: Statement<[number, number], { seq: number; body: string }>;
  // Prepared once: db.pragma() prepares its statement at every call, twice per group commit.
  private readonly syncNormal: Statement<[]>;
  private readonly syncFull: Statement<[]>;
  private readonly writer: LogWriter | null;

  constructor(private readonly db: Db) {
    this.statements = LOG_STATEMENTS.map((sql) => db.prepare<unknown[]>(sql));
    this.selectLastSeq = db.prepare('SELECT MAX(seq) AS seq FROM trading_events');
    this.selectEvents = db.prepare('SELECT seq, body FROM trading_events WHERE seq >= ? AND seq <= ? ORDER BY seq');
    this.syncNormal = db.prepare('PRAGMA synchronous = NORMAL');
    this.syncFull = db.prepare('PRAGMA synchronous = FULL');
    this.writer = logWriterOf(db);
  }

  /**
   * Appends whole events with their rows (and optionally a snapshot) in one transaction.
   * `durable` (a trader's command, a close): the commit is fsynced before this returns. A group
   * of market events commits with synchronous = NORMAL: in WAL mode that survives a crash of the
   * process (the kill -9 test), and the next durable commit syncs the WAL with every frame before
   * it, so the log on disk stays a prefix; only a power cut may lose that uncommitted-to-disk tail
   * of market events, never an answered command. Skipping the fsync per group is a third of the
   * cost of persisting a price update (issue 10 item 8).
   *
   * A non-durable group goes to the log writer's worker when there is one (it may not be
   * committed yet when this returns: settle() waits for it); a durable one waits for the worker's
   * groups first and commits here.
   */
  append(batch: readonly LoggedEvent[], snapshot?: SnapshotToStore, durable = true): void {
    if (batch.length === 0 && !snapshot) return;
    const ops = encodeAppend(batch, snapshot);
    if (!durable && this.writer?.ready && !this.db.inTransaction) {
      this.writer.post(ops, batch.length);
      return;
    }
    this.settle();
    if (!durable) this.syncNormal.run();
    try {
      this.db.transaction(() => runOps(this.statements, ops))();
    } finally {
      if (!durable) this.syncFull.run();
    }
  }

  /** Waits until the log writer has committed every group handed to it (throws its error if one failed). */
  settle(): void {
    this.writer?.drain();
  }

  /** Appended events not committed yet (in the log writer's queue). */
  get uncommitted(): number {
    return this.writer?.uncommitted ?? 0;
  }

  lastSeq(): number {
    this.settle();
    return this.selectLastSeq.get()?.seq ?? 0;
  }

  /** Events from `fromSeq` to `toSeq` inclusive, in order, streamed in pages of `page`. */
  *events(fromSeq: number, toSeq = Number.MAX_SAFE_INTEGER, page = 5000): Generator<{ seq: number; event: EngineEvent }> {
    this.settle();
    let next = fromSeq;
    while (next <= toSeq) {
      const rows = this.db.prepare('SELECT seq, body FROM trading_events WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?').all(next, toSeq, page) as Array<{ seq: number; body: string }>;
      if (rows.length === 0) return;
      // The log holds only events the engine accepted, written by this code: no re-validation.
      for (const r of rows) yield { seq: r.seq, event: decodeEventBody(r.body) };
      next = rows[rows.length - 1]!.seq + 1;
    }
  }

  eventsBetween(fromSeq: number, toSeq: number): Array<{ seq: number; event: EngineEvent }> {
    this.settle();
    return this.selectEvents.all(fromSeq, toSeq).map((r) => ({ seq: r.seq, event: decodeEventBody(r.body) }));
  }

  latestSnapshot(maxSeq = Number.MAX_SAFE_INTEGER): StoredSnapshot | null {
    this.settle();
    const row = this.db.prepare('SELECT seq, t, hash, body, index_body AS "index" FROM trading_snapshots WHERE seq <= ? ORDER BY seq DESC LIMIT 1').get(maxSeq) as StoredSnapshot | undefined;
    return row ?? null;
  }

  /**
   * latestSnapshot's body as UTF-8 bytes, as SQLite holds them: the restore worker hashes and cuts
   * the body's bytes (no 55 MB string converted back to UTF-8 for sha256 and per piece). Its index
   * is read apart (snapshotIndexBytes), after the accounts are on their way.
   */
  latestSnapshotBytes(maxSeq = Number.MAX_SAFE_INTEGER): SnapshotBytes | null {
    this.settle();
    const row = this.db.prepare('SELECT seq, t, hash, CAST(body AS BLOB) AS body FROM trading_snapshots WHERE seq <= ? ORDER BY seq DESC LIMIT 1').get(maxSeq) as
      | SnapshotBytes
      | undefined;
    return row ?? null;
  }

  /** The liquidation index stored beside snapshot `seq`, as UTF-8 bytes (null: none). */
  snapshotIndexBytes(seq: number): Buffer | null {
    this.settle();
    return (this.db.prepare('SELECT CAST(index_body AS BLOB) FROM trading_snapshots WHERE seq = ?').pluck().get(seq) as Buffer | null | undefined) ?? null;
  }

  /** The latest snapshot's event and size, and the last event (cheap: for choosing how to reopen). */
  sizeOfRestore(): { readonly snapshotSeq: number; readonly snapshotBytes: number; readonly lastSeq: number } {
    this.settle();
    const row = this.db.prepare('SELECT seq, octet_length(body) AS bytes FROM trading_snapshots ORDER BY seq DESC LIMIT 1').get() as { seq: number; bytes: number } | undefined;
    return { snapshotSeq: row?.seq ?? 0, snapshotBytes: row?.bytes ?? 0, lastSeq: this.lastSeq() };
  }

  snapshotSeqs(): number[] {
    this.settle();
    return (this.db.prepare('SELECT seq FROM trading_snapshots ORDER BY seq').all() as Array<{ seq: number }>).map((r) => r.seq);
  }

  /** The first event after `afterSeq` at or after time t (null if none). */
  firstSeqAtOrAfter(t: number, afterSeq: number): number | null {
    this.settle();
    const row = this.db.prepare('SELECT MIN(seq) AS seq FROM trading_events WHERE t >= ? AND seq > ?').get(t, afterSeq) as { seq: number | null };
    return row.seq;
  }

  countEvents(fromSeq: number, kind?: string): number {
    this.settle();
    const row = kind
      ? (this.db.prepare('SELECT COUNT(*) AS n FROM trading_events WHERE seq >= ? AND kind = ?').get(fromSeq, kind) as { n: number })
      : (this.db.prepare('SELECT COUNT(*) AS n FROM trading_events WHERE seq >= ?').get(fromSeq) as { n: number });
    return row.n;
  }

  /** Deletes event `fromSeq` and everything after it (events, rows, snapshots, plan links), in one transaction. */
  truncateFrom(fromSeq: number): void {
    this.settle();
    this.db.transaction(() => {
      for (const table of ['trading_events', 'trading_snapshots', 'trading_order_versions', 'trading_fills', 'trading_funding', 'trading_liquidations', 'trading_insurance', 'trading_balance', 'plan_orders']) {
        this.db.prepare(`DELETE FROM ${table} WHERE seq >= ?`).run(fromSeq);
      }
    })();
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM trading_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO trading_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
