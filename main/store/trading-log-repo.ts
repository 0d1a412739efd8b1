import type { EngineEvent } from '#shared/domain/trading-commands';
import { eventTime } from '#shared/domain/trading-commands';
import type { Effect } from '#main/engine/effects';
import { accountKindOf } from '#main/engine/model/ids';
import type { Db, Statement } from './db-types';

/** One applied engine event and what it did: the unit that commits whole or not at all. */
export interface LoggedEvent {
  readonly seq: number;
  readonly event: EngineEvent;
  readonly effects: readonly Effect[];
  /** A command placed from a saved plan: the orders it created are linked to the plan (plan_orders). */
  readonly plan?: { readonly planId: string; readonly orderIds: readonly number[] };
}

export interface StoredSnapshot {
  readonly seq: number;
  readonly t: number | null;
  readonly hash: string;
  readonly body: string;
  /** The engine's liquidation index at that point (JSON), when it was stored with the snapshot. */
  readonly index?: string | null;
}

/**
 * Order and fill rows are kept for trader accounts only. The crowd's (100,000 entry fills and
 * 30,000 stops when a big crowd opens) and the liquidity account's are never read: the views ask
 * for the trader's history, and the crowd's liquidations have rows of their own. They stay
 * derivable from the event log, which holds every event.
 */
function keepsHistory(account: string): boolean {
  return accountKindOf(account) === 'trader';
}

/** Event rows per INSERT statement (1,024 parameters: well under SQLite's 32,766). */
const EVENT_CHUNK = 256;

/**
 * The trading event log, its snapshots and the history rows of each event (migration 0030).
 * Every write is one transaction; callers hand whole events, so a crash at any moment leaves a
 * prefix of the log with exactly the rows of the events in it.
 */
export class TradingLogRepo {
  private readonly insertEvent: Statement<[number, number, string, string]>;
  private readonly insertEvents: Statement<Array<number | string>>;
  private readonly insertSnapshot: Statement<[number, number | null, string, string, string | null]>;
  private readonly insertOrder: Statement<[number, number, string, string, string, number, string]>;
  private readonly insertFill: Statement<[number, number, number, string, string, string]>;
  private readonly insertFunding: Statement<[number, number, number, string, string, string]>;
  private readonly insertLiquidation: Statement<[number, number, number, string, number, string, string]>;
  private readonly insertInsurance: Statement<[number, number, number, string]>;
  private readonly insertBalance: Statement<[number, number, string, string]>;
  private readonly insertPlanOrder: Statement<[number, string, number]>;
  private readonly inheritPlanOrder: Statement<[number, number, number]>;
  private readonly selectLastSeq: Statement<[], { seq: number | null }>;
  private readonly selectEvents: Statement<[number, number], { seq: number; body: string }>;
  // Prepared once: db.pragma() prepares its statement at every call, twice per group commit.
  private readonly syncNormal: Statement<[]>;
  private readonly syncFull: Statement<[]>;

  constructor(private readonly db: Db) {
    this.insertEvent = db.prepare('INSERT INTO trading_events (seq, t, kind, body) VALUES (?, ?, ?, ?)');
    this.insertEvents = db.prepare(`INSERT INTO trading_events (seq, t, kind, body) VALUES ${Array(EVENT_CHUNK).fill('(?, ?, ?, ?)').join(', ')}`);
    this.insertSnapshot = db.prepare('INSERT OR REPLACE INTO trading_snapshots (seq, t, hash, body, index_body) VALUES (?, ?, ?, ?, ?)');
    this.insertOrder = db.prepare(
      'INSERT OR REPLACE INTO trading_order_versions (order_id, seq, account, symbol, status, updated_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertFill = db.prepare('INSERT INTO trading_fills (id, seq, t, account, symbol, body) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertFunding = db.prepare('INSERT INTO trading_funding (id, seq, t, account, symbol, body) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertLiquidation = db.prepare('INSERT INTO trading_liquidations (id, seq, t, account, is_trader, symbol, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.insertInsurance = db.prepare('INSERT INTO trading_insurance (id, seq, t, body) VALUES (?, ?, ?, ?)');
    this.insertBalance = db.prepare('INSERT INTO trading_balance (seq, t, account, body) VALUES (?, ?, ?, ?)');
    this.insertPlanOrder = db.prepare('INSERT OR IGNORE INTO plan_orders (order_id, plan_id, seq) VALUES (?, ?, ?)');
    // An attached stop or take-profit belongs to the plan of the entry it was attached to.
    this.inheritPlanOrder = db.prepare('INSERT OR IGNORE INTO plan_orders (order_id, plan_id, seq) SELECT ?, plan_id, ? FROM plan_orders WHERE order_id = ?');
    this.selectLastSeq = db.prepare('SELECT MAX(seq) AS seq FROM trading_events');
    this.selectEvents = db.prepare('SELECT seq, body FROM trading_events WHERE seq >= ? AND seq <= ? ORDER BY seq');
    this.syncNormal = db.prepare('PRAGMA synchronous = NORMAL');
    this.syncFull = db.prepare('PRAGMA synchronous = FULL');
  }

  /**
   * Appends whole events with their rows (and optionally a snapshot) in one transaction.
   * `durable` (a trader's command, a close): the commit is fsynced before this returns. A group
   * of market events commits with synchronous = NORMAL: in WAL mode that survives a crash of the
   * process (the kill -9 test), and the next durable commit syncs the WAL with every frame before
   * it, so the log on disk stays a prefix; only a power cut may lose that uncommitted-to-disk tail
   * of market events, never an answered command. Skipping the fsync per group is a third of the
   * cost of persisting a price update (issue 10 item 8).
   */
  append(batch: readonly LoggedEvent[], snapshot?: StoredSnapshot, durable = true): void {
    if (batch.length === 0 && !snapshot) return;
    if (!durable) this.syncNormal.run();
    try {
      this.write(batch, snapshot);
    } finally {
      if (!durable) this.syncFull.run();
    }
  }

  private write(batch: readonly LoggedEvent[], snapshot: StoredSnapshot | undefined): void {
    this.db.transaction(() => {
      // Event rows go in EVENT_CHUNK at a time: one statement per row is most of a tick's cost.
      const rows: Array<number | string> = [];
      for (const e of batch) {
        rows.push(e.seq, eventTime(e.event), e.event.kind, JSON.stringify(e.event));
        if (rows.length === EVENT_CHUNK * 4) {
          this.insertEvents.run(...rows);
          rows.length = 0;
        }
        this.writeRows(e);
      }
      for (let i = 0; i < rows.length; i += 4) this.insertEvent.run(rows[i] as number, rows[i + 1] as number, rows[i + 2] as string, rows[i + 3] as string);
      if (snapshot) this.insertSnapshot.run(snapshot.seq, snapshot.t, snapshot.hash, snapshot.body, snapshot.index ?? null);
    })();
  }

  /** The history rows of one event (its effects). */
  private writeRows(e: LoggedEvent): void {
    const seq = e.seq;
    // Before the effects, so attached orders created by the same command inherit the link.
    if (e.plan) for (const id of e.plan.orderIds) this.insertPlanOrder.run(id, e.plan.planId, seq);
    for (const x of e.effects) {
      switch (x.kind) {
        case 'order':
          if (!keepsHistory(x.account)) break;
          this.insertOrder.run(x.order.id, seq, x.account, x.order.symbol, x.order.status, x.order.updatedAt, JSON.stringify(x.order));
          if (x.order.parentId !== null) this.inheritPlanOrder.run(x.order.id, seq, x.order.parentId);
          break;
        case 'fill':
          if (!keepsHistory(x.fill.account)) break;
          this.insertFill.run(x.fill.id, seq, x.fill.t, x.fill.account, x.fill.symbol, JSON.stringify(x.fill));
          break;
        case 'funding':
          this.insertFunding.run(x.payment.id, seq, x.payment.t, x.payment.account, x.payment.symbol, JSON.stringify(x.payment));
          break;
        case 'liquidation': {
          const l = x.liquidation;
          this.insertLiquidation.run(l.id, seq, l.t, l.account, l.isTrader ? 1 : 0, l.symbol, JSON.stringify(l));
          break;
        }
        case 'insurance':
          this.insertInsurance.run(x.entry.id, seq, x.entry.t, JSON.stringify(x.entry));
          break;
        case 'balance':
          this.insertBalance.run(seq, x.entry.t, x.entry.account, JSON.stringify(x.entry));
          break;
        case 'position':
        case 'triggered':
        case 'fundingSettled':
        case 'crowdArrived':
          break; // derivable from the state or the rows above; pushed to the UI only
        default: {
          const never: never = x;
          throw new Error(`unknown effect ${String(never)}`);
        }
      }
    }
  }

  lastSeq(): number {
    return this.selectLastSeq.get()?.seq ?? 0;
  }

  /** Events from `fromSeq` to `toSeq` inclusive, in order, streamed in pages of `page`. */
  *events(fromSeq: number, toSeq = Number.MAX_SAFE_INTEGER, page = 5000): Generator<{ seq: number; event: EngineEvent }> {
    let next = fromSeq;
    while (next <= toSeq) {
      const rows = this.db.prepare('SELECT seq, body FROM trading_events WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?').all(next, toSeq, page) as Array<{ seq: number; body: string }>;
      if (rows.length === 0) return;
      // The log holds only events the engine accepted, written by this code: no re-validation.
      for (const r of rows) yield { seq: r.seq, event: JSON.parse(r.body) as EngineEvent };
      next = rows[rows.length - 1]!.seq + 1;
    }
  }

  eventsBetween(fromSeq: number, toSeq: number): Array<{ seq: number; event: EngineEvent }> {
    return this.selectEvents.all(fromSeq, toSeq).map((r) => ({ seq: r.seq, event: JSON.parse(r.body) as EngineEvent }));
  }

  latestSnapshot(maxSeq = Number.MAX_SAFE_INTEGER): StoredSnapshot | null {
    const row = this.db.prepare('SELECT seq, t, hash, body, index_body AS "index" FROM trading_snapshots WHERE seq <= ? ORDER BY seq DESC LIMIT 1').get(maxSeq) as StoredSnapshot | undefined;
    return row ?? null;
  }

  /** The latest snapshot's event and size, and the last event (cheap: for choosing how to reopen). */
  sizeOfRestore(): { readonly snapshotSeq: number; readonly snapshotBytes: number; readonly lastSeq: number } {
    const row = this.db.prepare('SELECT seq, length(body) AS bytes FROM trading_snapshots ORDER BY seq DESC LIMIT 1').get() as { seq: number; bytes: number } | undefined;
    return { snapshotSeq: row?.seq ?? 0, snapshotBytes: row?.bytes ?? 0, lastSeq: this.lastSeq() };
  }

  snapshotSeqs(): number[] {
    return (this.db.prepare('SELECT seq FROM trading_snapshots ORDER BY seq').all() as Array<{ seq: number }>).map((r) => r.seq);
  }

  /** The first event after `afterSeq` at or after time t (null if none). */
  firstSeqAtOrAfter(t: number, afterSeq: number): number | null {
    const row = this.db.prepare('SELECT MIN(seq) AS seq FROM trading_events WHERE t >= ? AND seq > ?').get(t, afterSeq) as { seq: number | null };
    return row.seq;
  }

  countEvents(fromSeq: number, kind?: string): number {
    const row = kind
      ? (this.db.prepare('SELECT COUNT(*) AS n FROM trading_events WHERE seq >= ? AND kind = ?').get(fromSeq, kind) as { n: number })
      : (this.db.prepare('SELECT COUNT(*) AS n FROM trading_events WHERE seq >= ?').get(fromSeq) as { n: number });
    return row.n;
  }

  /** Deletes event `fromSeq` and everything after it (events, rows, snapshots, plan links), in one transaction. */
  truncateFrom(fromSeq: number): void {
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
