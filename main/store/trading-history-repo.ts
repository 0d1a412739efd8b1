import type { BalanceEntry, FillView, FundingPaymentView, InsuranceEntry, LiquidationView } from '#shared/domain/trading-history';
import type { OrderView } from '#shared/domain/trading-orders';
import type { Db } from './db-types';

export interface Page<T> {
  readonly total: number;
  readonly offset: number;
  readonly rows: T[];
}

/**
 * Read side of the trading history tables: newest first, paged. The bodies are the JSON the
 * engine produced (wire types with decimal strings), returned as they were written.
 */
export class TradingHistoryRepo {
  constructor(private readonly db: Db) {}

  private page<T>(countSql: string, rowsSql: string, params: unknown[], offset: number, limit: number): Page<T> {
    const total = (this.db.prepare(countSql).get(...params) as { n: number }).n;
    const rows = (this.db.prepare(rowsSql).all(...params, limit, offset) as Array<{ body: string }>).map((r) => JSON.parse(r.body) as T);
    return { total, offset, rows };
  }

  fills(account: string, offset: number, limit: number): Page<FillView> {
    return this.page('SELECT COUNT(*) AS n FROM trading_fills WHERE account = ?', 'SELECT body FROM trading_fills WHERE account = ? ORDER BY id DESC LIMIT ? OFFSET ?', [account], offset, limit);
  }

  funding(account: string, offset: number, limit: number): Page<FundingPaymentView> {
    return this.page('SELECT COUNT(*) AS n FROM trading_funding WHERE account = ?', 'SELECT body FROM trading_funding WHERE account = ? ORDER BY id DESC LIMIT ? OFFSET ?', [account], offset, limit);
  }

  fundingPayment(id: number): FundingPaymentView | null {
    const row = this.db.prepare('SELECT body FROM trading_funding WHERE id = ?').get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as FundingPaymentView) : null;
  }

  /** Liquidations of the trader (scope 'mine') or of everyone, the crowd's cascade included. */
  liquidations(scope: 'mine' | 'all', offset: number, limit: number): Page<LiquidationView> {
    return scope === 'mine'
      ? this.page('SELECT COUNT(*) AS n FROM trading_liquidations WHERE is_trader = ?', 'SELECT body FROM trading_liquidations WHERE is_trader = ? ORDER BY id DESC LIMIT ? OFFSET ?', [1], offset, limit)
      : this.page('SELECT COUNT(*) AS n FROM trading_liquidations', 'SELECT body FROM trading_liquidations ORDER BY id DESC LIMIT ? OFFSET ?', [], offset, limit);
  }

  liquidation(id: number): LiquidationView | null {
    const row = this.db.prepare('SELECT body FROM trading_liquidations WHERE id = ?').get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as LiquidationView) : null;
  }

  insurance(offset: number, limit: number): Page<InsuranceEntry> {
    return this.page('SELECT COUNT(*) AS n FROM trading_insurance', 'SELECT body FROM trading_insurance ORDER BY id DESC LIMIT ? OFFSET ?', [], offset, limit);
  }

  balance(account: string, offset: number, limit: number): Page<BalanceEntry> {
    return this.page('SELECT COUNT(*) AS n FROM trading_balance WHERE account = ?', 'SELECT body FROM trading_balance WHERE account = ? ORDER BY id DESC LIMIT ? OFFSET ?', [account], offset, limit);
  }

  /** Every order of the account in its latest state, newest first. */
  orders(account: string, offset: number, limit: number): Page<OrderView> {
    const latest = `SELECT order_id, body FROM trading_order_versions v
      WHERE account = ? AND seq = (SELECT MAX(seq) FROM trading_order_versions w WHERE w.order_id = v.order_id)`;
    const total = (this.db.prepare('SELECT COUNT(DISTINCT order_id) AS n FROM trading_order_versions WHERE account = ?').get(account) as { n: number }).n;
    const rows = (this.db.prepare(`${latest} ORDER BY order_id DESC LIMIT ? OFFSET ?`).all(account, limit, offset) as Array<{ body: string }>).map(
      (r) => JSON.parse(r.body) as OrderView,
    );
    return { total, offset, rows };
  }
}
