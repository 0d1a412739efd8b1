import { isNegativeText, isZeroText } from '../../market/import/decimal-text';
import type { Columns, RowReader } from './columns';
import { isCoinMargined, settleAssetOf } from './contracts';
import { accountFor, type FormatReader, type FormatSpec, type ReaderOptions } from './format-reader';
import type { FillRow, ParsedRows, PositionSide } from './rows';

const SIDES = { BUY: 'buy', SELL: 'sell' } as const;
const POSITION_SIDES: Record<string, PositionSide> = { LONG: 'long', SHORT: 'short', BOTH: 'both' };

/**
 * Binance Futures "Trade History" (USDⓈ-M and COIN-M, the 2025 UI export, and the older
 * `Date(UTC),Symbol,Side,Price,Quantity,Amount,Fee,Realized Profit[,Fee Coin]` variant).
 * The fee column holds "amount ASSET" ("-0.68126964 USDT", "... BNB"); which sign means "paid"
 * differs between exports, so it is decided per file from the rows themselves.
 */
class BinanceTradesReader implements FormatReader {
  readonly format = 'binance-trades' as const;
  private readonly c;
  private readonly pending: FillRow[] = [];
  private negative = 0;
  private positive = 0;
  private readonly seen = new Map<string, number>();

  constructor(
    cols: Columns,
    private readonly options: ReaderOptions,
  ) {
    this.c = {
      time: cols.need('time(utc)', 'date(utc)', 'time'),
      symbol: cols.need('symbol'),
      side: cols.need('side'),
      positionSide: cols.find('position side'),
      price: cols.need('price'),
      quantity: cols.need('quantity'),
      amount: cols.find('amount'),
      fee: cols.need('fee'),
      feeCoin: cols.find('fee coin', 'fee asset'),
      realized: cols.need('realized profit', 'realised profit'),
      maker: cols.find('maker'),
      tradeId: cols.find('trade id'),
      orderId: cols.find('order id'),
    };
  }

  row(r: RowReader): void {
    const c = this.c;
    const symbol = r.required(c.symbol, 'a symbol');
    const settleAsset = settleAssetOf(symbol);
    const feeText = r.required(c.fee, 'a fee such as "-0.68 USDT"');
    const parts = feeText.split(/\s+/);
    const feeValue = normalizeFee(r, c.fee, parts[0] ?? '');
    const feeAsset = parts[1] ?? (c.feeCoin >= 0 ? r.required(c.feeCoin, 'a fee asset') : settleAsset);
    if (isNegativeText(feeValue)) this.negative += 1;
    else if (!isZeroText(feeValue)) this.positive += 1;
    const t = r.time(c.time);
    const price = r.decimal(c.price);
    const quantity = r.decimal(c.quantity);
    const side = r.oneOf(c.side, SIDES);
    let tradeId = c.tradeId >= 0 ? r.required(c.tradeId, 'a trade id') : '';
    if (tradeId === '') {
      // The legacy layout has no trade id: the row's own content (and its repeat count) names it.
      const key = `${t}|${symbol}|${side}|${price}|${quantity}|${feeValue}`;
      const n = (this.seen.get(key) ?? 0) + 1;
      this.seen.set(key, n);
      tradeId = `row:${key}#${n}`;
    }
    this.pending.push({
      account: accountFor(this.options, 'binance'),
      venue: isCoinMargined(symbol) ? 'binance-coinm' : 'binance-usdm',
      symbol,
      tradeId,
      t,
      orderId: c.orderId >= 0 ? r.text(c.orderId) || null : null,
      side,
      positionSide: c.positionSide >= 0 ? r.oneOf(c.positionSide, POSITION_SIDES) : 'both',
      price,
      quantity,
      fee: feeValue,
      feeAsset,
      realizedPnl: r.decimal(c.realized),
      settleAsset,
      maker: c.maker >= 0 ? r.text(c.maker).toLowerCase() === 'true' : null,
    });
  }

  finish(out: ParsedRows): string[] {
    // Paid fees dominate any export (rebates are rare): the commoner sign is "paid".
    const paidNegative = this.negative > this.positive;
    for (const f of this.pending) out.fills.push({ ...f, fee: paidNegative ? negate(f.fee) : f.fee });
    if (this.pending.length === 0) return [];
    return [paidNegative ? 'fees are written negative when paid (sign flipped on import)' : 'fees are written positive when paid'];
  }
}

function normalizeFee(r: RowReader, column: number, text: string): string {
  const saved = r.fields;
  // Reuse the decimal check on the number part of "amount ASSET".
  const fields = [...saved];
  fields[column] = text;
  r.fields = fields;
  try {
    return r.decimal(column);
  } finally {
    r.fields = saved;
  }
}

export function negate(d: string): string {
  if (isZeroText(d)) return d.replace('-', '');
  return d.startsWith('-') ? d.slice(1) : `-${d}`;
}

export const binanceTrades: FormatSpec = {
  format: 'binance-trades',
  matches: (cols) => cols.has('realized profit', 'realised profit') && cols.has('price') && cols.has('quantity') && cols.has('symbol'),
  create: (cols, options) => new BinanceTradesReader(cols, options),
};
