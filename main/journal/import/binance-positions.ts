import type { Columns, RowReader } from './columns';
import { isCoinMargined } from './contracts';
import { accountFor, type FormatReader, type FormatSpec, type ReaderOptions } from './format-reader';
import type { ParsedRows } from './rows';

/**
 * Binance Futures "Position History": `symbol,Margin Mode,Position Side,Entry Price,Avg. Close Pirce
 * (sic),Max Open Interest,Closed Vol.,Closing PNL,Opened,Closed,Status`. The journal takes the
 * margin mode of each round trip from it, and cross-checks entry prices and PnL.
 */
class BinancePositionsReader implements FormatReader {
  readonly format = 'binance-positions' as const;
  private readonly c;
  constructor(
    cols: Columns,
    private readonly options: ReaderOptions,
  ) {
    this.c = {
      symbol: cols.need('symbol'),
      mode: cols.find('margin mode'),
      side: cols.need('position side'),
      entry: cols.need('entry price'),
      close: cols.find('avg. close pirce', 'avg. close price', 'avg close price'),
      pnl: cols.need('closing pnl'),
      opened: cols.need('opened'),
      closed: cols.need('closed'),
      volume: cols.find('closed vol.'),
      status: cols.find('status'),
    };
  }

  row(r: RowReader, out: ParsedRows): void {
    const c = this.c;
    const symbol = r.required(c.symbol, 'a symbol');
    const mode = r.text(c.mode).toLowerCase();
    out.positions.push({
      account: accountFor(this.options, 'binance'),
      venue: isCoinMargined(symbol) ? 'binance-coinm' : 'binance-usdm',
      symbol,
      side: r.oneOf(c.side, { LONG: 'long', SHORT: 'short' }),
      opened: r.time(c.opened),
      closed: r.text(c.closed) === '' ? null : r.time(c.closed),
      marginMode: mode === 'cross' ? 'cross' : mode === 'isolated' ? 'isolated' : null,
      entryPrice: r.decimal(c.entry),
      closePrice: c.close >= 0 ? r.optionalDecimal(c.close) : null,
      closingPnl: r.decimal(c.pnl),
      rowKey: [r.text(c.status), r.text(c.volume), r.text(c.pnl), r.text(c.entry), r.text(c.closed)].join('|'),
    });
  }

  finish(): string[] {
    return [];
  }
}

export const binancePositions: FormatSpec = {
  format: 'binance-positions',
  matches: (cols) => cols.has('margin mode', 'closing pnl') && cols.has('entry price') && cols.has('opened'),
  create: (cols, options) => new BinancePositionsReader(cols, options),
};
