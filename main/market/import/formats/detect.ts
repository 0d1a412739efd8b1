import type { ImportFormat } from '#shared/domain/market-import';
import { isIntegerText } from '../decimal-text';
import { clip, fileProblem } from '../problem';

export const KLINE_HEADER = ['open_time', 'open', 'high', 'low', 'close', 'volume', 'close_time', 'quote_volume', 'count', 'taker_buy_volume', 'taker_buy_quote_volume', 'ignore'];
export const BINANCE_FUNDING_HEADER = ['calc_time', 'funding_interval_hours', 'last_funding_rate'];
export const BYBIT_FUNDING_HEADER = ['symbol', 'date', 'funding rate'];
export const BOOK_DEPTH_HEADER = ['timestamp', 'percentage', 'depth', 'notional'];

export interface Detected {
  readonly format: ImportFormat;
  /** The first record is a header row (consumed, not data). */
  readonly header: boolean;
}

const norm = (fields: readonly string[]): string[] => fields.map((f) => f.trim().toLowerCase());
const startsWith = (fields: readonly string[], prefix: readonly string[]): boolean => prefix.every((p, i) => fields[i] === p);

/**
 * Tells the format from the first record: a known header, or the shape of a headerless row
 * (Binance klines before 2022 and spot klines have no header). A declared format wins, but its
 * header (if present) must still be recognisable as one.
 */
export function detectFormat(file: string, first: readonly string[], declared?: ImportFormat): Detected {
  const h = norm(first);
  const looksLikeHeader = first.length > 0 && !isIntegerText(first[0]!.trim()) && !/^\d{4}-\d{2}-\d{2}/.test(first[0]!.trim());
  if (declared) return { format: declared, header: looksLikeHeader };
  if (startsWith(h, KLINE_HEADER)) return { format: 'binance-klines', header: true };
  if (startsWith(h, BINANCE_FUNDING_HEADER)) return { format: 'binance-funding', header: true };
  if (startsWith(h, BYBIT_FUNDING_HEADER)) return { format: 'bybit-funding', header: true };
  if (startsWith(h, BOOK_DEPTH_HEADER)) return { format: 'binance-book-depth', header: true };
  if (!looksLikeHeader) {
    if (first.length === 12 && isIntegerText(first[0]!) && isIntegerText(first[6] ?? '')) return { format: 'binance-klines', header: false };
    if (first.length === 3 && isIntegerText(first[0]!) && isIntegerText(first[1] ?? '')) return { format: 'binance-funding', header: false };
    const shown = clip(first.slice(0, 6).join(',') + (first.length > 6 ? ',…' : ''));
    throw fileProblem(
      file,
      'a header row, or a 12-column Binance kline row',
      shown,
      `${file}: unrecognised format: the first line is "${shown}" (${first.length} columns). ` +
        'Expected Binance klines (12 columns), Binance or Bybit funding, bookDepth, or a CSV with a header naming time, open, high, low and close.',
    );
  }
  return { format: 'generic-ohlcv', header: true };
}
