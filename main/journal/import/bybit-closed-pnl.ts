import type { Columns, RowReader } from './columns';
import { settleAssetOf } from './contracts';
import { accountFor, type FormatReader, type FormatSpec, type ReaderOptions } from './format-reader';
import type { ParsedRows } from './rows';

/**
 * Bybit "Closed P&L" (derivatives): `Contracts,Closing Direction,Qty,Entry Price,Exit Price,
 * Closed P&L,Exit Type,Trade Time(UTC+0)[,Order No.,Create Time]` (docs/journal.md: where this
 * layout was verified). Each row is a whole closed position: a round trip with no fills, whose
 * `Closed P&L` already has fees and funding in it. "Close Long" (or "Sell") closes a long.
 */
const CLOSING: Record<string, 'long' | 'short'> = { 'CLOSE LONG': 'long', SELL: 'long', 'CLOSE SHORT': 'short', BUY: 'short' };

class BybitClosedPnlReader implements FormatReader {
  readonly format = 'bybit-closed-pnl' as const;
  private readonly c;
  private readonly seen = new Map<string, number>();
  constructor(
    cols: Columns,
    private readonly options: ReaderOptions,
  ) {
    this.c = {
      symbol: cols.need('contracts', 'symbol'),
      direction: cols.need('closing direction'),
      qty: cols.need('qty'),
      entry: cols.need('entry price'),
      exit: cols.need('exit price'),
      pnl: cols.need('closed p&l'),
      exitType: cols.find('exit type'),
      time: cols.need('trade time(utc+0)', 'trade time(utc)', 'trade time'),
      orderNo: cols.find('order no.', 'order no'),
      created: cols.find('create time'),
    };
  }

  row(r: RowReader, out: ParsedRows): void {
    const c = this.c;
    const symbol = r.required(c.symbol, 'a contract such as BTCUSDT');
    const closedAt = r.time(c.time);
    const quantity = r.decimal(c.qty);
    const closedPnl = r.decimal(c.pnl);
    let key = r.text(c.orderNo);
    if (key === '') {
      const base = `${symbol}|${closedAt}|${quantity}|${closedPnl}`;
      const n = (this.seen.get(base) ?? 0) + 1;
      this.seen.set(base, n);
      key = `row:${base}#${n}`;
    }
    out.closed.push({
      account: accountFor(this.options, 'bybit'),
      venue: 'bybit',
      key,
      symbol,
      side: r.oneOf(c.direction, CLOSING),
      openedAt: c.created >= 0 && r.text(c.created) !== '' ? r.time(c.created) : null,
      closedAt,
      quantity,
      entryPrice: r.decimal(c.entry),
      exitPrice: r.decimal(c.exit),
      closedPnl,
      asset: settleAssetOf(symbol),
      exitType: r.text(c.exitType) || 'Trade',
    });
  }

  finish(out: ParsedRows): string[] {
    return out.closed.length > 0 ? ['Bybit Closed P&L: each row is a whole trade; its P&L is net of fees and funding (shown as realised, fees 0)'] : [];
  }
}

export const bybitClosedPnl: FormatSpec = {
  format: 'bybit-closed-pnl',
  matches: (cols) => cols.has('closing direction') && cols.has('closed p&l'),
  create: (cols, options) => new BybitClosedPnlReader(cols, options),
};
