import { isIntegerText, normalizeDecimalText } from '../decimal-text';
import { fileProblem, problem } from '../problem';
import { isoUtc } from '../time-text';
import type { FormatReader, ReadSeries, ReaderContext } from './reader';

const HOUR = 3_600_000;
export const EXPONENT_NOTE = 'rates written in exponent notation (such as 2.1E-7) were stored as plain decimals (0.00000021), the same value';
/** calc_time lags the settlement by milliseconds; more than this is worth a warning. */
const JITTER_WARN_MS = 60_000;

/**
 * Binance monthly fundingRate files: calc_time (ms, with jitter such as 1669824000015),
 * funding_interval_hours, last_funding_rate. Binance settles on the hour, so the settlement time
 * is calc_time rounded to the nearest hour; the raw calc_time is kept beside it.
 */
export class BinanceFundingReader implements FormatReader {
  private fid = -1;
  private rows = 0;
  private from: number | null = null;
  private to: number | null = null;
  private venue = 'binance';
  private symbol = '';

  constructor(private readonly ctx: ReaderContext) {}

  row(f: string[], line: number): void {
    const at = { file: this.ctx.file, line };
    if (f.length !== 3) throw problem(at, Math.min(f.length + 1, 4), 'columns', '3 columns (calc_time, funding_interval_hours, last_funding_rate)', `${f.length} columns`, `expected 3 columns (calc_time, funding_interval_hours, last_funding_rate), found ${f.length}`);
    if (this.fid < 0) this.start();
    const [timeText, hoursText, rateText] = f as [string, string, string];
    if (!isIntegerText(timeText) || timeText.length !== 13) throw problem(at, 1, 'calc_time', 'an epoch time in milliseconds (13 digits)', timeText);
    if (!isIntegerText(hoursText) || Number(hoursText) === 0 || Number(hoursText) > 24) throw problem(at, 2, 'funding_interval_hours', 'a whole number of hours, 1 to 24', hoursText);
    const rate = normalizeDecimalText(rateText);
    if (rate === null) throw problem(at, 3, 'last_funding_rate', 'a decimal rate such as -0.00012359', rateText);
    if (rate !== rateText) this.ctx.assume(EXPONENT_NOTE);
    const raw = Number(timeText);
    const t = Math.round(raw / HOUR) * HOUR;
    if (Math.abs(raw - t) > JITTER_WARN_MS) {
      this.ctx.warnings.add({ file: this.ctx.file, line, message: `calc_time ${timeText} is ${Math.round((raw - t) / 1000)} s from the hour; settlement taken as ${isoUtc(t)}` });
    }
    if (this.to !== null) {
      if (t === this.to) throw problem(at, 1, 'calc_time', `a settlement after ${isoUtc(this.to)}`, timeText, `duplicate funding settlement: ${isoUtc(t)} appears twice`);
      if (t < this.to) throw problem(at, 1, 'calc_time', `a settlement after ${isoUtc(this.to)}`, timeText, `time going backwards: settlement ${isoUtc(t)} comes after ${isoUtc(this.to)}`);
    }
    this.ctx.sink.addFunding(this.fid, t, rate, Number(hoursText), raw);
    this.rows += 1;
    if (this.from === null) this.from = t;
    this.to = t;
  }

  finish(): ReadSeries[] {
    if (this.fid < 0) throw fileProblem(this.ctx.file, 'at least one funding row', 'no data rows', `${this.ctx.file} has no data rows`);
    return [{ target: 'funding', venue: this.venue, symbol: this.symbol, interval: null, kind: null, sid: this.fid, rows: this.rows, from: this.from, to: this.to }];
  }

  private start(): void {
    const { options, hints } = this.ctx;
    const symbol = options.symbol ?? hints.symbol;
    if (!symbol) throw fileProblem(this.ctx.file, 'a symbol', 'none', `${this.ctx.file}: cannot tell the symbol (Binance names these SYMBOL-fundingRate-YYYY-MM.csv); pass --symbol`);
    this.symbol = symbol;
    this.venue = options.venue ?? 'binance';
    this.ctx.assume('settlement times are calc_time rounded to the nearest hour (calc_time carries a few ms of jitter)');
    this.fid = this.ctx.sink.fundingSeries(this.venue, symbol);
  }
}
