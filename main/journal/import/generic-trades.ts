import type { Columns, RowReader } from './columns';
import { settleAssetOf } from './contracts';
import { accountFor, type FormatReader, type FormatSpec, type ReaderOptions } from './format-reader';
import type { ParsedRows, PositionSide } from './rows';

const SIDES = { BUY: 'buy', SELL: 'sell', B: 'buy', S: 'sell' } as const;
const POSITION_SIDES: Record<string, PositionSide> = { LONG: 'long', SHORT: 'short', BOTH: 'both', '': 'both' };

/** The template any other venue's fills can be written in (docs/journal.md "Generic CSV"). */
export const GENERIC_TEMPLATE_HEADER = 'time,symbol,side,price,quantity,fee,fee_asset,realized_pnl,trade_id,position_side,order_id';

/**
 * Generic fills: `time,symbol,side,price,quantity,fee,trade_id` required; `fee_asset`,
 * `realized_pnl` (computed linearly from the round trip when absent), `position_side`
 * (LONG/SHORT for hedge mode, BOTH or empty for one-way), `order_id`, `settle_asset` optional.
 * Fees are positive when paid.
 */
class GenericTradesReader implements FormatReader {
  readonly format = 'generic-trades' as const;
  private readonly c;
  constructor(
    cols: Columns,
    private readonly options: ReaderOptions,
  ) {
    this.c = {
      time: cols.need('time'),
      symbol: cols.need('symbol'),
      side: cols.need('side'),
      price: cols.need('price'),
      qty: cols.need('quantity'),
      fee: cols.need('fee'),
      feeAsset: cols.find('fee_asset'),
      pnl: cols.find('realized_pnl'),
      id: cols.need('trade_id'),
      positionSide: cols.find('position_side'),
      orderId: cols.find('order_id'),
      settle: cols.find('settle_asset'),
    };
  }

  row(r: RowReader, out: ParsedRows): void {
    const c = this.c;
    const symbol = r.required(c.symbol, 'a symbol');
    const settleAsset = r.text(c.settle) || settleAssetOf(symbol);
    out.fills.push({
      account: accountFor(this.options, 'generic'),
      venue: 'generic',
      symbol,
      tradeId: r.required(c.id, 'a trade id'),
      t: r.time(c.time),
      orderId: r.text(c.orderId) || null,
      side: r.oneOf(c.side, SIDES),
      positionSide: c.positionSide >= 0 ? r.oneOf(c.positionSide, POSITION_SIDES) : 'both',
      price: r.decimal(c.price),
      quantity: r.decimal(c.qty),
      fee: r.decimal(c.fee),
      feeAsset: r.text(c.feeAsset) || settleAsset,
      realizedPnl: c.pnl >= 0 ? r.optionalDecimal(c.pnl) : null,
      settleAsset,
      maker: null,
    });
  }

  finish(): string[] {
    return [];
  }
}

export const genericTrades: FormatSpec = {
  format: 'generic-trades',
  matches: (cols) => cols.has('trade_id') && cols.has('time') && cols.has('quantity'),
  create: (cols, options) => new GenericTradesReader(cols, options),
};
