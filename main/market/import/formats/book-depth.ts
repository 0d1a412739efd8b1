import { isDecimalText, isNegativeText } from '../decimal-text';
import { fileProblem, problem } from '../problem';
import { isoUtc, parseDateText, parseOffsetMinutes } from '../time-text';
import type { FormatReader, ReadSeries, ReaderContext } from './reader';

/**
 * Binance USDⓈ-M bookDepth: `timestamp,percentage,depth,notional` (a 5th column added by some
 * uploaders is ignored): for each snapshot, the depth within ±1..5 % of mid, bids negative.
 * Timestamps are UTC text at second resolution. A row with spaces around its timestamp (the real
 * 2025-10-10 file has one) is read trimmed and reported as a warning.
 */
export class BookDepthReader implements FormatReader {
  private did = -1;
  private snapshot: number | null = null;
  private seen = new Set<number>();
  private rows = 0;
  private from: number | null = null;
  private venue = 'binance';
  private symbol = '';
  private readonly offset: number;

  constructor(private readonly ctx: ReaderContext) {
    this.offset = ctx.options.utcOffset ? parseOffsetMinutes(ctx.options.utcOffset)! : 0;
  }

  row(f: string[], line: number): void {
    const at = { file: this.ctx.file, line };
    if (f.length < 4) throw problem(at, f.length + 1, 'columns', 'at least 4 columns (timestamp, percentage, depth, notional)', `${f.length} columns`, `expected 4 columns (timestamp, percentage, depth, notional), found ${f.length}`);
    if (this.did < 0) this.start();
    const [tsText, pctText, depth, notional] = f as [string, string, string, string];
    const trimmed = tsText.trim();
    if (trimmed !== tsText) this.ctx.warnings.add({ file: this.ctx.file, line, message: `timestamp "${tsText}" has spaces around it; read as "${trimmed}"` });
    const parsed = parseDateText(trimmed, this.offset);
    if (!parsed) throw problem(at, 1, 'timestamp', 'a UTC time such as 2025-10-10 21:34:32', tsText);
    if (!/^-?[1-9]\d?$/.test(pctText) || Math.abs(Number(pctText)) > 20) throw problem(at, 2, 'percentage', 'a non-zero whole percentage, -20 to 20', pctText);
    if (!isDecimalText(depth) || isNegativeText(depth)) throw problem(at, 3, 'depth', 'a non-negative decimal (base asset)', depth);
    if (!isDecimalText(notional) || isNegativeText(notional)) throw problem(at, 4, 'notional', 'a non-negative decimal (quote asset)', notional);
    const t = parsed.ms;
    const pct = Number(pctText);
    if (this.snapshot === null || t > this.snapshot) {
      this.snapshot = t;
      this.seen = new Set();
    } else if (t < this.snapshot) {
      throw problem(at, 1, 'timestamp', `a time at or after ${isoUtc(this.snapshot)}`, tsText, `time going backwards: ${isoUtc(t)} comes after ${isoUtc(this.snapshot)}`);
    }
    if (this.seen.has(pct)) throw problem(at, 2, 'percentage', `one row per percentage per snapshot`, pctText, `duplicate depth row: ${isoUtc(t)} at ${pct}% appears twice`);
    this.seen.add(pct);
    this.ctx.sink.addDepth(this.did, t, pct, depth, notional);
    this.rows += 1;
    if (this.from === null) this.from = t;
  }

  finish(): ReadSeries[] {
    if (this.did < 0) throw fileProblem(this.ctx.file, 'at least one depth row', 'no data rows', `${this.ctx.file} has no data rows`);
    return [{ target: 'depth', venue: this.venue, symbol: this.symbol, interval: null, kind: null, sid: this.did, rows: this.rows, from: this.from, to: this.snapshot }];
  }

  private start(): void {
    const symbol = this.ctx.options.symbol ?? this.ctx.hints.symbol;
    if (!symbol) throw fileProblem(this.ctx.file, 'a symbol', 'none', `${this.ctx.file}: cannot tell the symbol (Binance names these SYMBOL-bookDepth-YYYY-MM-DD.csv); pass --symbol`);
    this.symbol = symbol;
    this.venue = this.ctx.options.venue ?? 'binance';
    this.did = this.ctx.sink.depthSeries(this.venue, symbol);
  }
}
