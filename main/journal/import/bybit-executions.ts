import type { Columns, RowReader } from './columns';
import { settleAssetOf } from './contracts';
import { accountFor, type FormatReader, type FormatSpec, type ReaderOptions } from './format-reader';
import type { ParsedRows } from './rows';

const SIDES = { BUY: 'buy', SELL: 'sell' } as const;
const FILL_TYPES = new Set(['TRADE', 'ADLTRADE', 'BUSTTRADE', 'DELIVERY', 'SETTLE', 'BLOCKTRADE']);

/**
 * Bybit trade history (executions) with the v5 execution field names as column headers:
 * `symbol,side,execPrice,execQty,execFee,execId,execTime,orderId,execType[,closedPnl,feeCurrency]`.
 * Bybit books fees positive when paid. `execType=Funding` rows are funding settlements (the fee
 * column carries the payment, positive = paid) and become FUNDING_FEE transactions.
 * One-way mode is assumed (position side BOTH).
 */
class BybitExecutionsReader implements FormatReader {
  readonly format = 'bybit-executions' as const;
  private readonly c;
  constructor(
    cols: Columns,
    private readonly options: ReaderOptions,
  ) {
    this.c = {
      symbol: cols.need('symbol'),
      side: cols.need('side'),
      price: cols.need('execprice'),
      qty: cols.need('execqty'),
      fee: cols.need('execfee'),
      id: cols.need('execid'),
      time: cols.need('exectime'),
      orderId: cols.find('orderid'),
      type: cols.find('exectype'),
      pnl: cols.find('closedpnl'),
      feeCurrency: cols.find('feecurrency'),
    };
  }

  row(r: RowReader, out: ParsedRows): void {
    const c = this.c;
    const symbol = r.required(c.symbol, 'a symbol');
    const asset = settleAssetOf(symbol);
    const type = (r.text(c.type) || 'Trade').toUpperCase();
    const account = accountFor(this.options, 'bybit');
    const fee = r.decimal(c.fee);
    const t = r.time(c.time);
    if (type === 'FUNDING') {
      out.transactions.push({ account, venue: 'bybit', txId: r.required(c.id, 'an execution id'), type: 'FUNDING_FEE', asset, t, amount: fee.startsWith('-') ? fee.slice(1) : `-${fee}`, symbol });
      return;
    }
    if (!FILL_TYPES.has(type)) r.fail(c.type, 'Trade, Funding, AdlTrade, BustTrade, Delivery or Settle');
    out.fills.push({
      account,
      venue: 'bybit',
      symbol,
      tradeId: r.required(c.id, 'an execution id'),
      t,
      orderId: r.text(c.orderId) || null,
      side: r.oneOf(c.side, SIDES),
      positionSide: 'both',
      price: r.decimal(c.price),
      quantity: r.decimal(c.qty),
      fee,
      feeAsset: r.text(c.feeCurrency) || asset,
      realizedPnl: c.pnl >= 0 ? r.optionalDecimal(c.pnl) : null,
      settleAsset: asset,
      maker: null,
    });
  }

  finish(): string[] {
    return ['Bybit executions: one-way mode assumed; fees positive when paid'];
  }
}

export const bybitExecutions: FormatSpec = {
  format: 'bybit-executions',
  matches: (cols) => cols.has('execid') && cols.has('execprice') && cols.has('execqty'),
  create: (cols, options) => new BybitExecutionsReader(cols, options),
};
