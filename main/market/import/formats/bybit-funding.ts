import { normalizeDecimalText } from '../decimal-text';
import { fileProblem, problem, type RowContext } from '../problem';
import { formatOffset, isoUtc, parseDateText, parseOffsetMinutes } from '../time-text';
import { EXPONENT_NOTE } from './binance-funding';
import type { FormatReader, ReadSeries, ReaderContext } from './reader';

const HOUR = 3_600_000;

interface Held {
  readonly at: RowContext;
  readonly t: number;
  readonly rate: string;
}

/**
 * Bybit funding history as written by third-party fetchers: `Symbol,Date,Funding Rate`, where
 * Date is the LOCAL time of the machine that fetched it (the known file is UTC+3: 00:00 UTC is
 * written 03:00). Bybit settles on whole UTC hours (00/08/16 for BTCUSDT), so the offset is
 * detected from the first row's hour modulo 8 and declared in the summary; --utc-offset
 * overrides it. The interval is the spacing between settlements (the file has no column for it).
 */
export class BybitFundingReader implements FormatReader {
  private fid = -1;
  private offset: number | null = null;
  private symbol = '';
  private venue = 'bybit';
  private held: Held | null = null;
  private lastInterval = 8;
  private rows = 0;
  private from: number | null = null;
  private to: number | null = null;

  constructor(private readonly ctx: ReaderContext) {}

  row(f: string[], line: number): void {
    const at = { file: this.ctx.file, line };
    if (f.length !== 3) throw problem(at, Math.min(f.length + 1, 4), 'columns', '3 columns (Symbol, Date, Funding Rate)', `${f.length} columns`, `expected 3 columns (Symbol, Date, Funding Rate), found ${f.length}`);
    const [symText, dateText, rateText] = f as [string, string, string];
    const symbol = symText.trim().replace(/[-/]/g, '').toUpperCase();
    if (!/^[A-Z0-9]{2,32}$/.test(symbol)) throw problem(at, 1, 'Symbol', 'a symbol such as BTC-USDT', symText);
    if (this.fid < 0) this.start(at, symbol, symText, dateText);
    else if (!this.ctx.options.symbol && symbol !== this.symbol) throw problem(at, 1, 'Symbol', this.symbol, symText, `Symbol (column 1) changes from ${this.symbol} to ${symbol} within the file`);
    const parsed = parseDateText(dateText.trim(), this.offset!);
    if (!parsed) throw problem(at, 2, 'Date', 'a date and time such as 2021-01-01 03:00:00', dateText);
    if (parsed.ms % HOUR !== 0) throw problem(at, 2, 'Date', `a whole hour in ${formatOffset(this.offset!)}`, dateText, `Date (column 2) ${dateText} is not on a whole hour after reading it as ${formatOffset(this.offset!)}`);
    const rate = normalizeDecimalText(rateText.trim());
    if (rate === null) throw problem(at, 3, 'Funding Rate', 'a decimal rate such as 0.0001', rateText);
    if (rate !== rateText.trim()) this.ctx.assume(EXPONENT_NOTE);
    const t = parsed.ms;
    const prev = this.held;
    if (prev) {
      if (t === prev.t) throw problem(at, 2, 'Date', `a settlement after ${isoUtc(prev.t)}`, dateText, `duplicate funding settlement: ${isoUtc(t)} appears twice`);
      if (t < prev.t) throw problem(at, 2, 'Date', `a settlement after ${isoUtc(prev.t)}`, dateText, `time going backwards: settlement ${isoUtc(t)} comes after ${isoUtc(prev.t)}`);
      this.lastInterval = (t - prev.t) / HOUR;
      this.flush(prev, this.lastInterval > 24 ? 8 : this.lastInterval);
    }
    this.held = { at, t, rate };
  }

  finish(): ReadSeries[] {
    if (this.fid < 0) throw fileProblem(this.ctx.file, 'at least one funding row', 'no data rows', `${this.ctx.file} has no data rows`);
    if (this.held) this.flush(this.held, this.lastInterval > 24 ? 8 : this.lastInterval);
    return [{ target: 'funding', venue: this.venue, symbol: this.symbol, interval: null, kind: null, sid: this.fid, rows: this.rows, from: this.from, to: this.to }];
  }

  /** A settlement's interval is the time to the next one (a gap over a day is a hole in the file, not an interval). */
  private flush(h: Held, intervalHours: number): void {
    this.ctx.sink.addFunding(this.fid, h.t, h.rate, intervalHours, h.t);
    this.rows += 1;
    if (this.from === null) this.from = h.t;
    this.to = h.t;
  }

  private start(at: RowContext, symbol: string, written: string, dateText: string): void {
    const { options } = this.ctx;
    this.symbol = options.symbol ?? symbol;
    this.venue = options.venue ?? 'bybit';
    if (!options.symbol && written.trim() !== symbol) this.ctx.assume(`symbol ${symbol}, written "${written.trim()}" in the file`);
    if (options.utcOffset) {
      this.offset = parseOffsetMinutes(options.utcOffset)!;
      this.ctx.assume(`Date read as ${formatOffset(this.offset)} (as declared)`);
    } else {
      const asUtc = parseDateText(dateText.trim(), 0);
      if (!asUtc) throw problem(at, 2, 'Date', 'a date and time such as 2021-01-01 03:00:00', dateText);
      if (asUtc.hasOffset) {
        this.offset = 0;
      } else {
        const hour = new Date(asUtc.ms).getUTCHours() % 8;
        const hours = hour <= 4 ? hour : hour - 8;
        this.offset = hours * 60;
        this.ctx.assume(
          `Date read as local time ${formatOffset(this.offset)}: the first settlement is written ${dateText.trim().slice(11, 16)}, and Bybit settles at 00:00, 08:00 and 16:00 UTC (pass --utc-offset to override)`,
        );
      }
    }
    this.fid = this.ctx.sink.fundingSeries(this.venue, this.symbol);
  }
}
