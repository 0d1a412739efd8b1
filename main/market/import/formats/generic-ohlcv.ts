import type { ColumnMap } from '#shared/domain/market-import';
import { INTERVAL_MS, intervalFromMs, type Interval } from '#shared/domain/market-series';
import { CandleCollector } from '../candle-collector';
import { clip, fileProblem, problem, type RowContext } from '../problem';
import { EPOCH_UNIT_LABEL, epochToMs, epochUnitOf, formatOffset, parseDateText, parseOffsetMinutes, type EpochUnit } from '../time-text';
import type { FormatReader, ReadSeries, ReaderContext } from './reader';

/** Header names recognised without a column map (compared lower-case, trimmed). */
const ALIASES: Record<keyof ColumnMap, readonly string[]> = {
  time: ['open_time', 'opentime', 'open time', 'time', 'timestamp', 'date', 'datetime', 'date(utc)', 'time(utc)', 'ts', 't'],
  open: ['open', 'o', 'open_price'],
  high: ['high', 'h', 'high_price'],
  low: ['low', 'l', 'low_price'],
  close: ['close', 'c', 'close_price'],
  volume: ['volume', 'vol', 'v', 'base_volume'],
};

type TimeForm = { kind: 'epoch'; unit: EpochUnit } | { kind: 'text'; offset: number };

interface Pending {
  readonly ctx: RowContext;
  readonly fields: string[];
  readonly t: number;
}

/**
 * Any CSV with a header naming a time and open/high/low/close (volume optional). Columns are found
 * by name, or by the caller's map. The time form is detected on the first row (epoch s/ms/µs/ns,
 * or ISO text, read as UTC unless the text or the caller gives an offset) and must hold for every
 * row. The interval comes from the caller, the file name, or the spacing of the first two rows.
 */
export class GenericOhlcvReader implements FormatReader {
  private readonly idx: Record<keyof ColumnMap, number>;
  private form: TimeForm | null = null;
  private pending: Pending | null = null;
  private collector: CandleCollector | null = null;

  constructor(
    private readonly ctx: ReaderContext,
    header: string[],
  ) {
    this.idx = mapColumns(ctx, header);
  }

  row(f: string[], line: number): void {
    const ctx = { file: this.ctx.file, line };
    const width = Math.max(...Object.values(this.idx)) + 1;
    if (f.length < width) throw problem(ctx, f.length + 1, 'columns', `at least ${width} columns`, `${f.length} columns`, `expected at least ${width} columns, found ${f.length}`);
    const t = this.time(ctx, f);
    if (this.collector) return this.add(ctx, f, t);
    if (this.pending === null) {
      if (this.ctx.options.interval ?? this.ctx.hints.interval) {
        this.open(this.ctx.options.interval ?? this.ctx.hints.interval!);
        return this.add(ctx, f, t);
      }
      this.pending = { ctx, fields: f, t };
      return;
    }
    const first = this.pending;
    const interval = intervalFromMs(t - first.t);
    if (!interval) {
      throw problem(ctx, this.idx.time + 1, 'time', 'a time one known interval (1m…1w) after the first row', f[this.idx.time]!, `cannot infer the interval: the first two rows are ${t - first.t} ms apart, which is no known interval (pass --interval)`);
    }
    this.ctx.assume(`interval ${interval} inferred from the first two rows`);
    this.open(interval);
    this.add(first.ctx, first.fields, first.t);
    this.pending = null;
    this.add(ctx, f, t);
  }

  finish(): ReadSeries[] {
    if (this.pending) {
      const interval = this.ctx.options.interval ?? this.ctx.hints.interval;
      if (!interval) throw fileProblem(this.ctx.file, 'two rows or --interval', 'one row', `${this.ctx.file} has a single row, so its interval cannot be inferred; pass --interval`);
      this.open(interval);
      this.add(this.pending.ctx, this.pending.fields, this.pending.t);
    }
    if (!this.collector) throw fileProblem(this.ctx.file, 'at least one data row', 'no data rows', `${this.ctx.file} has no data rows`);
    return [{ target: 'candles', ...this.collector.series }];
  }

  private open(interval: Interval): void {
    const { options, hints } = this.ctx;
    const symbol = options.symbol ?? hints.symbol;
    if (!symbol) throw fileProblem(this.ctx.file, 'a symbol', 'none', `${this.ctx.file}: a generic OHLCV file does not name its symbol; pass --symbol`);
    let venue = options.venue;
    if (!venue) {
      venue = 'custom';
      this.ctx.assume('venue "custom": a generic file does not name its venue (pass --venue)');
    }
    const kind = options.kind ?? 'trade';
    const i = this.idx;
    this.collector = new CandleCollector(this.ctx.sink, this.ctx.warnings, { venue, symbol, interval, kind }, INTERVAL_MS[interval], {
      time: i.time + 1,
      open: i.open + 1,
      high: i.high + 1,
      low: i.low + 1,
      close: i.close + 1,
      volume: i.volume + 1,
    });
  }

  private add(ctx: RowContext, f: string[], t: number): void {
    const i = this.idx;
    const volume = i.volume >= 0 ? f[i.volume]!.trim() : '0';
    this.collector!.add(ctx, t, f[i.time]!, f[i.open]!.trim(), f[i.high]!.trim(), f[i.low]!.trim(), f[i.close]!.trim(), volume === '' ? '0' : volume, null, null);
  }

  private time(ctx: RowContext, f: string[]): number {
    const text = f[this.idx.time]!.trim();
    const column = this.idx.time + 1;
    if (!this.form) this.form = this.detectForm(ctx, text);
    const form = this.form;
    if (form.kind === 'epoch') {
      const ms = epochUnitOf(text) === form.unit ? epochToMs(text, form.unit) : null;
      if (ms === null) throw problem(ctx, column, 'time', `an integer time in ${EPOCH_UNIT_LABEL[form.unit]} like the first row`, text);
      return ms;
    }
    const parsed = parseDateText(text, form.offset);
    if (!parsed) throw problem(ctx, column, 'time', 'a date and time such as 2024-01-31 23:59:00 like the first row', text);
    return parsed.ms;
  }

  private detectForm(ctx: RowContext, text: string): TimeForm {
    const unit = epochUnitOf(text);
    if (unit) {
      this.ctx.assume(`times are epoch ${EPOCH_UNIT_LABEL[unit]} (${text.length} digits)`);
      return { kind: 'epoch', unit };
    }
    const declared = this.ctx.options.utcOffset ? parseOffsetMinutes(this.ctx.options.utcOffset) : null;
    const parsed = parseDateText(text, declared ?? 0);
    if (!parsed) {
      throw problem(ctx, this.idx.time + 1, 'time', 'an epoch time (s, ms, µs, ns) or a date such as 2024-01-31T23:59:00Z', text);
    }
    if (!parsed.hasOffset) this.ctx.assume(`times have no offset and are read as ${formatOffset(declared ?? 0)}${declared === null ? ' (pass --utc-offset if they are local)' : ' (as declared)'}`);
    return { kind: 'text', offset: declared ?? 0 };
  }
}

function mapColumns(ctx: ReaderContext, header: string[]): Record<keyof ColumnMap, number> {
  const names = header.map((h) => h.trim().toLowerCase());
  const map = ctx.options.columns;
  const find = (field: keyof ColumnMap, required: boolean): number => {
    const wanted = map ? (map[field] === undefined ? [] : [map[field]!.toLowerCase()]) : ALIASES[field];
    const at = names.findIndex((n) => wanted.includes(n));
    if (at < 0 && required) {
      throw problem(
        { file: ctx.file, line: 1 },
        0,
        field,
        map ? `a column named "${map[field]}"` : `a column named ${ALIASES[field].slice(0, 4).join(' / ')}`,
        clip(header.join(',')),
        `the header has no ${field} column${map ? ` named "${map[field]}"` : ''} (found: ${clip(header.join(', '))}); pass --columns time=…,open=…,high=…,low=…,close=…`,
      );
    }
    return at;
  };
  return { time: find('time', true), open: find('open', true), high: find('high', true), low: find('low', true), close: find('close', true), volume: find('volume', false) };
}
