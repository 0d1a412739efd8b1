import type { CandleKind, Interval } from '#shared/domain/market-series';
import { compareDecimalText, isDecimalText, isNegativeText, isZeroText } from './decimal-text';
import { problem, type RowContext } from './problem';
import type { StageSink } from './stage-sink';
import { isoUtc } from './time-text';
import type { Warnings } from './warnings';

/** Column numbers (1-based) of each field in the file, for error messages. */
export interface CandleColumns {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

export interface CollectedSeries {
  readonly venue: string;
  readonly symbol: string;
  readonly interval: Interval;
  readonly kind: CandleKind;
  readonly sid: number;
  rows: number;
  from: number | null;
  to: number | null;
}

/**
 * The rules every candle file obeys, whatever its layout: prices are plain decimals (positive,
 * except premium-index ratios), low <= open, close <= high, volume >= 0, open times strictly
 * increase (equal = a duplicate candle, smaller = time going backwards) on the interval's grid.
 * A jump of more than one interval is a gap: a warning with the missing range, not an error.
 */
export class CandleCollector {
  readonly series: CollectedSeries;
  private readonly intervalMs: number;
  private readonly signed: boolean;
  private readonly aligned: boolean;
  private prev: number | null = null;

  constructor(
    private readonly sink: StageSink,
    private readonly warnings: Warnings,
    key: { venue: string; symbol: string; interval: Interval; kind: CandleKind },
    intervalMs: number,
    private readonly cols: CandleColumns,
  ) {
    this.intervalMs = intervalMs;
    this.signed = key.kind === 'premium';
    // 3d and 1w candles are not aligned to the epoch (weeks start on Monday); shorter ones are.
    this.aligned = intervalMs <= 86_400_000;
    this.series = { ...key, sid: sink.candleSeries(key), rows: 0, from: null, to: null };
  }

  add(ctx: RowContext, t: number, timeText: string, open: string, high: string, low: string, close: string, volume: string, quoteVolume: string | null, trades: number | null): void {
    const c = this.cols;
    this.price(ctx, c.open, 'open', open);
    this.price(ctx, c.high, 'high', high);
    this.price(ctx, c.low, 'low', low);
    this.price(ctx, c.close, 'close', close);
    if (compareDecimalText(high, low) < 0) {
      throw problem(ctx, c.high, 'high', `high >= low (${low})`, high, `high (column ${c.high}) ${high} is below low ${low}`);
    }
    if (compareDecimalText(high, open) < 0 || compareDecimalText(high, close) < 0) {
      throw problem(ctx, c.high, 'high', `high >= open and close`, high, `high (column ${c.high}) ${high} is below the open ${open} or close ${close} of the same candle`);
    }
    if (compareDecimalText(low, open) > 0 || compareDecimalText(low, close) > 0) {
      throw problem(ctx, c.low, 'low', `low <= open and close`, low, `low (column ${c.low}) ${low} is above the open ${open} or close ${close} of the same candle`);
    }
    if (!isDecimalText(volume) || isNegativeText(volume)) {
      throw problem(ctx, c.volume, 'volume', 'a non-negative decimal', volume);
    }
    this.time(ctx, t, timeText);
    this.sink.addCandle(this.series.sid, t, open, high, low, close, volume, quoteVolume, trades);
    const s = this.series;
    s.rows += 1;
    if (s.from === null) s.from = t;
    s.to = t;
  }

  private price(ctx: RowContext, column: number, field: string, text: string): void {
    if (!isDecimalText(text)) throw problem(ctx, column, field, 'a decimal number such as 20482.10', text);
    if (!this.signed && (isNegativeText(text) || isZeroText(text))) {
      throw problem(ctx, column, field, 'a price above zero', text);
    }
  }

  private time(ctx: RowContext, t: number, text: string): void {
    const c = this.cols.time;
    if (this.aligned && t % this.intervalMs !== 0) {
      throw problem(ctx, c, 'time', `an open time on the ${this.series.interval} grid`, text, `time (column ${c}) ${isoUtc(t)} is not the start of a ${this.series.interval} candle`);
    }
    const prev = this.prev;
    if (prev !== null) {
      if (t === prev) throw problem(ctx, c, 'time', `a time after ${isoUtc(prev)}`, text, `duplicate candle: time (column ${c}) ${isoUtc(t)} appears twice`);
      if (t < prev) throw problem(ctx, c, 'time', `a time after ${isoUtc(prev)}`, text, `time going backwards: ${isoUtc(t)} (column ${c}) comes after ${isoUtc(prev)}`);
      if (t - prev > this.intervalMs) {
        const from = prev + this.intervalMs;
        const to = t - this.intervalMs;
        const missing = (t - prev) / this.intervalMs - 1;
        this.warnings.add({
          file: ctx.file,
          line: ctx.line,
          message: `gap: ${missing} ${this.series.interval} candle${missing === 1 ? '' : 's'} missing from ${isoUtc(from)} to ${isoUtc(to)}`,
          range: { from, to },
        });
      }
    }
    this.prev = t;
  }
}
