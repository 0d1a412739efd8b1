import type { Columns, RowReader } from './columns';
import { isCoinMargined } from './contracts';
import { accountFor, type FormatReader, type FormatSpec, type ReaderOptions } from './format-reader';
import type { ParsedRows, PositionSide } from './rows';

const SIDES = { BUY: 'buy', SELL: 'sell' } as const;
const POSITION_SIDES: Record<string, PositionSide> = { LONG: 'long', SHORT: 'short', BOTH: 'both' };

/**
 * Binance Futures "Order History", USDⓈ-M (`Order No`, `Position Side`, `Client Order Id`, ...)
 * and the shorter COIN-M layout. The journal uses it for stops placed during a trip (the planned
 * stop, hence R) and for liquidation orders (`autoclose-<ms>` client ids).
 */
class BinanceOrdersReader implements FormatReader {
  readonly format = 'binance-orders' as const;
  private readonly c;
  constructor(
    cols: Columns,
    private readonly options: ReaderOptions,
  ) {
    this.c = {
      time: cols.need('time(utc)', 'date(utc)'),
      orderId: cols.need('order no', 'order id'),
      symbol: cols.need('symbol'),
      type: cols.need('type'),
      side: cols.need('side'),
      positionSide: cols.find('position side'),
      stop: cols.find('stop price'),
      status: cols.need('status'),
      client: cols.find('client order id'),
      executed: cols.need('executed amount', 'executed'),
    };
  }

  row(r: RowReader, out: ParsedRows): void {
    const c = this.c;
    const symbol = r.required(c.symbol, 'a symbol');
    const stop = c.stop >= 0 ? r.optionalDecimal(c.stop) : null;
    out.orders.push({
      account: accountFor(this.options, 'binance'),
      venue: isCoinMargined(symbol) ? 'binance-coinm' : 'binance-usdm',
      orderId: r.required(c.orderId, 'an order number'),
      symbol,
      t: r.time(c.time),
      type: r.required(c.type, 'an order type').toUpperCase(),
      side: r.oneOf(c.side, SIDES),
      positionSide: c.positionSide >= 0 ? r.oneOf(c.positionSide, POSITION_SIDES) : 'both',
      stopPrice: stop !== null && !/^0(\.0*)?$/.test(stop) ? stop : null,
      status: r.required(c.status, 'an order status').toUpperCase(),
      clientOrderId: c.client >= 0 ? r.text(c.client) || null : null,
      executed: r.decimal(c.executed),
    });
  }

  finish(): string[] {
    return [];
  }
}

export const binanceOrders: FormatSpec = {
  format: 'binance-orders',
  matches: (cols) => cols.has('order no') && cols.has('status') && cols.has('type'),
  create: (cols, options) => new BinanceOrdersReader(cols, options),
};
