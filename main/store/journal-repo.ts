import type { TripAnnotation } from '#shared/journal/journal-trip';
import type { ClosedRow, FillRow, OrderRow, ParsedRows, PositionRow, PositionSide, TransactionRow } from '../journal/import/rows';
import type { Db, Statement } from './db-types';

/** Per-table counts of rows an import added (INSERT OR IGNORE: a stored row is not added again). */
export interface AddedCounts {
  fills: number;
  transactions: number;
  orders: number;
  positions: number;
  closed: number;
}

/**
 * The journal tables: imported export rows and the trader's annotations. Inserts do not open a
 * transaction of their own: the import runs every file inside one (all or nothing).
 */
export class JournalRepo {
  private readonly insFill: Statement;
  private readonly insTx: Statement;
  private readonly insOrder: Statement;
  private readonly insPosition: Statement;
  private readonly insClosed: Statement;

  constructor(readonly db: Db) {
    this.insFill = db.prepare(`INSERT OR IGNORE INTO journal_fills (account, venue, symbol, trade_id, t, order_id, side, position_side, price, quantity, fee, fee_asset, realized_pnl, settle_asset, maker, import_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insTx = db.prepare('INSERT OR IGNORE INTO journal_transactions (account, venue, tx_id, type, asset, t, amount, symbol, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.insOrder = db.prepare(`INSERT OR IGNORE INTO journal_orders (account, venue, order_id, symbol, t, type, side, position_side, stop_price, status, client_order_id, executed, import_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insPosition = db.prepare(`INSERT OR IGNORE INTO journal_positions (account, venue, symbol, side, opened, closed, margin_mode, entry_price, close_price, closing_pnl, row_key, import_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insClosed = db.prepare(`INSERT OR IGNORE INTO journal_closed (account, venue, key, symbol, side, opened_at, closed_at, quantity, entry_price, exit_price, closed_pnl, asset, exit_type, import_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  beginImport(file: string, format: string, rowsRead: number, at: number): number {
    return Number(this.db.prepare('INSERT INTO journal_imports (file, format, rows_read, rows_added, imported_at) VALUES (?, ?, ?, 0, ?)').run(file, format, rowsRead, at).lastInsertRowid);
  }

  finishImport(id: number, rowsAdded: number): void {
    this.db.prepare('UPDATE journal_imports SET rows_added = ? WHERE id = ?').run(rowsAdded, id);
  }

  insert(rows: ParsedRows, importId: number): AddedCounts {
    const n: AddedCounts = { fills: 0, transactions: 0, orders: 0, positions: 0, closed: 0 };
    for (const f of rows.fills) {
      n.fills += this.insFill.run(f.account, f.venue, f.symbol, f.tradeId, f.t, f.orderId, f.side, f.positionSide, f.price, f.quantity, f.fee, f.feeAsset, f.realizedPnl, f.settleAsset, f.maker === null ? null : f.maker ? 1 : 0, importId).changes;
    }
    for (const x of rows.transactions) n.transactions += this.insTx.run(x.account, x.venue, x.txId, x.type, x.asset, x.t, x.amount, x.symbol, importId).changes;
    for (const o of rows.orders) {
      n.orders += this.insOrder.run(o.account, o.venue, o.orderId, o.symbol, o.t, o.type, o.side, o.positionSide, o.stopPrice, o.status, o.clientOrderId, o.executed, importId).changes;
    }
    for (const p of rows.positions) {
      n.positions += this.insPosition.run(p.account, p.venue, p.symbol, p.side, p.opened, p.closed, p.marginMode, p.entryPrice, p.closePrice, p.closingPnl, p.rowKey, importId).changes;
    }
    for (const c of rows.closed) {
      n.closed += this.insClosed.run(c.account, c.venue, c.key, c.symbol, c.side, c.openedAt, c.closedAt, c.quantity, c.entryPrice, c.exitPrice, c.closedPnl, c.asset, c.exitType, importId).changes;
    }
    return n;
  }

  accounts(): string[] {
    const rows = this.db
      .prepare('SELECT account FROM journal_fills UNION SELECT account FROM journal_transactions UNION SELECT account FROM journal_closed ORDER BY account')
      .all() as Array<{ account: string }>;
    return rows.map((r) => r.account);
  }

  fills(): FillRow[] {
    const rows = this.db.prepare('SELECT * FROM journal_fills ORDER BY t, account, venue, symbol, trade_id').all() as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      account: r.account as string,
      venue: r.venue as string,
      symbol: r.symbol as string,
      tradeId: r.trade_id as string,
      t: r.t as number,
      orderId: (r.order_id as string | null) ?? null,
      side: r.side as 'buy' | 'sell',
      positionSide: r.position_side as PositionSide,
      price: r.price as string,
      quantity: r.quantity as string,
      fee: r.fee as string,
      feeAsset: r.fee_asset as string,
      realizedPnl: (r.realized_pnl as string | null) ?? null,
      settleAsset: r.settle_asset as string,
      maker: r.maker === null ? null : r.maker === 1,
    }));
  }

  transactions(): TransactionRow[] {
    const rows = this.db.prepare('SELECT * FROM journal_transactions ORDER BY t, tx_id').all() as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      account: r.account as string,
      venue: r.venue as string,
      txId: r.tx_id as string,
      type: r.type as string,
      asset: r.asset as string,
      t: r.t as number,
      amount: r.amount as string,
      symbol: (r.symbol as string | null) ?? null,
    }));
  }

  orders(): OrderRow[] {
    const rows = this.db.prepare('SELECT * FROM journal_orders ORDER BY t').all() as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      account: r.account as string,
      venue: r.venue as string,
      orderId: r.order_id as string,
      symbol: r.symbol as string,
      t: r.t as number,
      type: r.type as string,
      side: r.side as 'buy' | 'sell',
      positionSide: r.position_side as PositionSide,
      stopPrice: (r.stop_price as string | null) ?? null,
      status: r.status as string,
      clientOrderId: (r.client_order_id as string | null) ?? null,
      executed: r.executed as string,
    }));
  }

  positions(): PositionRow[] {
    const rows = this.db.prepare('SELECT * FROM journal_positions ORDER BY opened').all() as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      account: r.account as string,
      venue: r.venue as string,
      symbol: r.symbol as string,
      side: r.side as 'long' | 'short',
      opened: r.opened as number,
      closed: (r.closed as number | null) ?? null,
      marginMode: (r.margin_mode as 'cross' | 'isolated' | null) ?? null,
      entryPrice: r.entry_price as string,
      closePrice: (r.close_price as string | null) ?? null,
      closingPnl: r.closing_pnl as string,
      rowKey: r.row_key as string,
    }));
  }

  closed(): ClosedRow[] {
    const rows = this.db.prepare('SELECT * FROM journal_closed ORDER BY closed_at').all() as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      account: r.account as string,
      venue: r.venue as string,
      key: r.key as string,
      symbol: r.symbol as string,
      side: r.side as 'long' | 'short',
      openedAt: (r.opened_at as number | null) ?? null,
      closedAt: r.closed_at as number,
      quantity: r.quantity as string,
      entryPrice: r.entry_price as string,
      exitPrice: r.exit_price as string,
      closedPnl: r.closed_pnl as string,
      asset: r.asset as string,
      exitType: r.exit_type as string,
    }));
  }

  annotations(): Map<string, TripAnnotation> {
    const rows = this.db.prepare('SELECT * FROM journal_annotations').all() as Array<Record<string, unknown>>;
    const out = new Map<string, TripAnnotation>();
    for (const r of rows) {
      out.set(r.trip_id as string, {
        notes: r.notes as string,
        tags: JSON.parse(r.tags as string) as string[],
        setup: r.setup as string,
        mistakes: JSON.parse(r.mistakes as string) as string[],
        rating: (r.rating as number | null) ?? null,
      });
    }
    return out;
  }

  saveAnnotation(tripId: string, a: TripAnnotation, at: number): void {
    this.db
      .prepare(
        `INSERT INTO journal_annotations (trip_id, notes, tags, setup, mistakes, rating, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (trip_id) DO UPDATE SET notes = excluded.notes, tags = excluded.tags, setup = excluded.setup, mistakes = excluded.mistakes, rating = excluded.rating, updated_at = excluded.updated_at`,
      )
      .run(tripId, a.notes, JSON.stringify(a.tags), a.setup, JSON.stringify(a.mistakes), a.rating, at);
  }
}
