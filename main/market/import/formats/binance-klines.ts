import { INTERVAL_MS, intervalFromMs, type CandleKind, type Interval } from '#shared/domain/market-series';
import { CandleCollector, type CandleColumns } from '../candle-collector';
import { decimalsOf, isIntegerText, isZeroText } from '../decimal-text';
import { fileProblem, problem } from '../problem';
import { EPOCH_UNIT_LABEL, epochToMs, epochUnitOf, isoUtc, type EpochUnit } from '../time-text';
import type { FormatReader, ReadSeries, ReaderContext } from './reader';

const COLS: CandleColumns = { time: 1, open: 2, high: 3, low: 4, close: 5, volume: 6 };
const PRICE_KINDS: readonly CandleKind[] = ['mark', 'index', 'premium'];

/**
 * Binance klines in the 12-column layout shared by trade, mark-price, index-price and
 * premium-index klines (futures USDⓈ-M and COIN-M, spot), with or without a header, times in
 * milliseconds (µs for spot from 2025). The interval is read from close_time - open_time + 1 and
 * must agree with the file name and the caller.
 */
export class BinanceKlinesReader implements FormatReader {
  private collector: CandleCollector | null = null;
  private unit: EpochUnit = 'ms';
  private intervalMs = 0;
  private kind: CandleKind = 'trade';

  constructor(private readonly ctx: ReaderContext) {}

  row(f: string[], line: number): void {
    const ctx = { file: this.ctx.file, line };
    if (f.length !== 12) {
      throw problem(ctx, Math.min(f.length, 12) + (f.length < 12 ? 1 : 0), 'columns', '12 columns (Binance kline layout)', `${f.length} columns`, `expected 12 columns (Binance kline layout), found ${f.length}`);
    }
    if (!this.collector) this.start(f, line);
    const collector = this.collector!;
    const t = epochToMs(f[0]!, this.unit);
    if (t === null || epochUnitOf(f[0]!) !== this.unit) throw problem(ctx, 1, 'open_time', `an integer time in ${EPOCH_UNIT_LABEL[this.unit]}`, f[0]!);
    const closeMs = epochToMs(f[6]!, this.unit);
    if (closeMs === null) throw problem(ctx, 7, 'close_time', `an integer time in ${EPOCH_UNIT_LABEL[this.unit]}`, f[6]!);
    if (closeMs !== t + this.intervalMs - 1) {
      throw problem(ctx, 7, 'close_time', `${t + this.intervalMs - 1} (open_time + ${collector.series.interval} - 1 ms)`, f[6]!, `close_time (column 7) does not end the ${collector.series.interval} candle opened at ${isoUtc(t)}`);
    }
    if (!isIntegerText(f[8]!)) throw problem(ctx, 9, 'count', 'an integer count', f[8]!);
    if (PRICE_KINDS.includes(this.kind) && !isZeroText(f[5]!)) {
      throw problem(ctx, 6, 'volume', `0 (a ${this.kind} kline has no volume)`, f[5]!, `volume (column 6) is ${f[5]}, but a ${this.kind} kline has volume 0: is this a trade kline file? (pass --kind trade)`);
    }
    collector.add(ctx, t, f[0]!, f[1]!, f[2]!, f[3]!, f[4]!, f[5]!, f[7]!, Number(f[8]));
  }

  finish(): ReadSeries[] {
    const c = this.collector;
    if (!c) throw fileProblem(this.ctx.file, 'at least one kline row', 'no data rows', `${this.ctx.file} has no data rows`);
    return [{ target: 'candles', ...c.series }];
  }

  private start(f: string[], line: number): void {
    const { ctx, options, hints } = { ctx: this.ctx, options: this.ctx.options, hints: this.ctx.hints };
    const at = { file: ctx.file, line };
    const unit = epochUnitOf(f[0]!);
    if (unit !== 'ms' && unit !== 'us') throw problem(at, 1, 'open_time', 'an epoch time in milliseconds or microseconds', f[0]!);
    this.unit = unit;
    if (unit === 'us') ctx.assume('open_time is in microseconds (16 digits), as Binance spot files from 2025 write it');
    const open = epochToMs(f[0]!, unit)!;
    const close = epochToMs(f[6]!, unit);
    const fromRow = close === null ? null : intervalFromMs(close - open + 1);
    if (!fromRow) throw problem(at, 7, 'close_time', 'open_time + interval - 1 for a known interval', f[6]!);
    const interval: Interval = options.interval ?? hints.interval ?? fromRow;
    if (interval !== fromRow) {
      throw problem(at, 7, 'close_time', `a ${interval} candle (${options.interval ? 'as declared' : 'as the file name says'})`, f[6]!, `close_time (column 7) makes this a ${fromRow} candle, but the ${options.interval ? 'declared' : 'file name\'s'} interval is ${interval}`);
    }
    if (hints.interval && options.interval && hints.interval !== options.interval) {
      ctx.warnings.add({ file: ctx.file, message: `the declared interval ${options.interval} differs from the file name's ${hints.interval}` });
    }
    this.intervalMs = INTERVAL_MS[interval];

    const symbol = options.symbol ?? hints.symbol;
    if (!symbol) throw fileProblem(ctx.file, 'a symbol', 'none', `${ctx.file}: cannot tell the symbol (the file name is not Binance's SYMBOL-INTERVAL-DATE.csv); pass --symbol`);
    if (options.symbol && hints.symbol && options.symbol !== hints.symbol) {
      ctx.warnings.add({ file: ctx.file, message: `the declared symbol ${options.symbol} differs from the file name's ${hints.symbol}` });
    }

    this.kind = options.kind ?? hints.kind ?? this.inferKind(f);
    if (!options.kind && hints.kind) ctx.assume(`kind "${hints.kind}" because ${hints.kindFrom}`);
    const venue = options.venue ?? this.inferVenue(symbol, f);
    this.collector = new CandleCollector(ctx.sink, ctx.warnings, { venue, symbol, interval, kind: this.kind }, this.intervalMs, COLS);
  }

  /** Mark, index and premium klines have volume 0 and count = number of samples; trade klines have volume. */
  private inferKind(f: string[]): CandleKind {
    const noVolume = isZeroText(f[5]!) && isZeroText(f[7]!) && isIntegerText(f[8]!) && Number(f[8]) > 0;
    if (!noVolume) return 'trade';
    const negative = [f[1]!, f[2]!, f[3]!, f[4]!].some((p) => p.startsWith('-'));
    const kind: CandleKind = negative ? 'premium' : 'mark';
    this.ctx.assume(
      negative
        ? 'kind "premium": volume is 0 with a sample count and prices are negative ratios (premium-index klines)'
        : `kind "mark": volume is 0 with ${f[8]} samples per candle, as in mark-price klines; index-price and premium-index klines look the same, so pass --kind index or --kind premium if that is what this file holds`,
    );
    return kind;
  }

  private inferVenue(symbol: string, f: string[]): string {
    if (/_PERP$|^[A-Z]+USD_\d{6}$/.test(symbol)) {
      this.ctx.assume(`venue "binance-coinm": ${symbol} is a COIN-M contract name`);
      return 'binance-coinm';
    }
    if (this.kind === 'trade' && decimalsOf(f[5]!) === 8 && decimalsOf(f[1]!) === 8) {
      this.ctx.assume('venue "binance-spot": prices and volumes have 8 decimals, the Binance spot format (USDⓈ-M futures write 2 and 3); pass --venue binance if this is a futures file');
      return 'binance-spot';
    }
    return 'binance';
  }
}
