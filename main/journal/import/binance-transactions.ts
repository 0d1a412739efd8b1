import type { Columns, RowReader } from './columns';
import { isCoinMargined } from './contracts';
import { accountFor, type FormatReader, type FormatSpec, type ReaderOptions } from './format-reader';
import type { ParsedRows, TransactionRow } from './rows';

/**
 * Binance Futures "Transaction History": `Date(UTC),type,Amount,Asset,Symbol,Transaction ID`.
 * The same layout for USDⓈ-M and COIN-M; the file's symbols say which wallet it is. One
 * transaction id can carry a REALIZED_PNL and a COMMISSION row, so a row is keyed by id, type
 * and asset.
 */
class BinanceTransactionsReader implements FormatReader {
  readonly format = 'binance-transactions' as const;
  private readonly c;
  private readonly pending: Array<Omit<TransactionRow, 'venue'>> = [];
  private coinM = false;

  constructor(
    cols: Columns,
    private readonly options: ReaderOptions,
  ) {
    this.c = {
      time: cols.need('date(utc)', 'time(utc)', 'time'),
      type: cols.need('type'),
      amount: cols.need('amount'),
      asset: cols.need('asset', 'coin'),
      symbol: cols.find('symbol'),
      id: cols.need('transaction id', 'tranid'),
    };
  }

  row(r: RowReader): void {
    const c = this.c;
    const symbol = r.text(c.symbol) || null;
    if (symbol !== null && isCoinMargined(symbol)) this.coinM = true;
    const type = r.required(c.type, 'a transaction type such as REALIZED_PNL').toUpperCase();
    if (!/^[A-Z_]+$/.test(type)) r.fail(c.type, 'a transaction type such as REALIZED_PNL');
    this.pending.push({
      account: accountFor(this.options, 'binance'),
      txId: r.required(c.id, 'a transaction id'),
      type,
      asset: r.required(c.asset, 'an asset such as USDT'),
      t: r.time(c.time),
      amount: r.decimal(c.amount),
      symbol,
    });
  }

  finish(out: ParsedRows): string[] {
    const venue = this.coinM ? 'binance-coinm' : 'binance-usdm';
    for (const row of this.pending) out.transactions.push({ ...row, venue });
    return this.pending.length > 0 ? [`${venue === 'binance-coinm' ? 'COIN-M' : 'USDⓈ-M'} wallet (from the symbols)`] : [];
  }
}

export const binanceTransactions: FormatSpec = {
  format: 'binance-transactions',
  matches: (cols) => cols.has('type') && cols.has('amount') && cols.has('asset') && cols.has('transaction id'),
  create: (cols, options) => new BinanceTransactionsReader(cols, options),
};
