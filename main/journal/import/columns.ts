import { normalizeDecimalText } from '../../market/import/decimal-text';
import { problem, fileProblem, type RowContext } from '../../market/import/problem';
import { epochToMs, epochUnitOf, parseDateText } from '../../market/import/time-text';

/** Header names compared without case, spaces or a BOM: "Time(UTC)" = "time(utc)". */
export function normHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Columns by header name, never by position: Binance swaps Maker/Buyer between USDⓈ-M and COIN-M,
 * and exports change order between versions.
 */
export class Columns {
  private readonly index = new Map<string, number>();
  constructor(
    readonly file: string,
    readonly header: readonly string[],
  ) {
    header.forEach((h, i) => this.index.set(normHeader(h), i));
  }

  has(...names: string[]): boolean {
    return names.some((n) => this.index.has(n));
  }

  /** The first of `names` present, or -1. */
  find(...names: string[]): number {
    for (const n of names) {
      const i = this.index.get(n);
      if (i !== undefined) return i;
    }
    return -1;
  }

  need(...names: string[]): number {
    const i = this.find(...names);
    if (i < 0) throw fileProblem(this.file, `a "${names[0]}" column`, this.header.join(','), `${this.file}:1: the header has no "${names[0]}" column`);
    return i;
  }
}

/** Reads one record's fields by index, refusing with file, line, column, expected and found. */
export class RowReader {
  fields: readonly string[] = [];
  ctx: RowContext;
  constructor(
    private readonly cols: Columns,
    file: string,
  ) {
    this.ctx = { file, line: 0 };
  }

  at(fields: readonly string[], line: number): this {
    this.fields = fields;
    this.ctx = { file: this.ctx.file, line };
    return this;
  }

  text(i: number): string {
    return i < 0 ? '' : (this.fields[i] ?? '').trim();
  }

  name(i: number): string {
    return this.cols.header[i] ?? `column ${i + 1}`;
  }

  required(i: number, expected = 'a value'): string {
    const s = this.text(i);
    if (s === '') throw problem(this.ctx, i + 1, this.name(i), expected, s);
    return s;
  }

  decimal(i: number): string {
    const raw = this.text(i);
    const d = normalizeDecimalText(raw);
    if (d === null) throw problem(this.ctx, i + 1, this.name(i), 'a decimal number', raw);
    return d;
  }

  optionalDecimal(i: number): string | null {
    return this.text(i) === '' ? null : this.decimal(i);
  }

  time(i: number): number {
    const raw = this.text(i);
    const t = parseTime(raw);
    if (t === null) throw problem(this.ctx, i + 1, this.name(i), 'a UTC time such as 2025-05-28 14:51:45 or epoch milliseconds', raw);
    return t;
  }

  oneOf<T extends string>(i: number, map: Record<string, T>): T {
    const raw = this.text(i);
    const v = map[raw.toUpperCase()];
    if (v === undefined) throw problem(this.ctx, i + 1, this.name(i), Object.keys(map).join(' or '), raw);
    return v;
  }

  fail(i: number, expected: string): never {
    throw problem(this.ctx, i + 1, this.name(i), expected, this.text(i));
  }
}

/** Exchange export times are UTC text ("2025-10-10 21:17:01.638") or epoch integers. */
export function parseTime(raw: string): number | null {
  const unit = epochUnitOf(raw);
  if (unit !== null) return epochToMs(raw, unit);
  return parseDateText(raw)?.ms ?? null;
}
