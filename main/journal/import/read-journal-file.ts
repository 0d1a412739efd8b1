import fs from 'node:fs';
import type { JournalFormat } from '#shared/journal/journal-import';
import { CsvSyntaxError, CsvTokenizer, type CsvRecord } from '../../market/import/csv-records';
import { ImportProblemError, fileProblem, problem } from '../../market/import/problem';
import { binanceOrders } from './binance-orders';
import { binancePositions } from './binance-positions';
import { binanceTrades } from './binance-trades';
import { binanceTransactions } from './binance-transactions';
import { bybitClosedPnl } from './bybit-closed-pnl';
import { bybitExecutions } from './bybit-executions';
import { Columns, RowReader } from './columns';
import type { FormatSpec, ReaderOptions } from './format-reader';
import { genericTrades } from './generic-trades';
import { emptyRows, type ParsedRows } from './rows';

/** Most specific first: the generic template would also match some exchange headers. */
export const JOURNAL_FORMAT_SPECS: readonly FormatSpec[] = [binanceTrades, binanceTransactions, binanceOrders, binancePositions, bybitClosedPnl, bybitExecutions, genericTrades];

export interface ReadFileResult {
  readonly format: JournalFormat;
  readonly rows: ParsedRows;
  readonly rowsRead: number;
  readonly notes: string[];
}

/** Which layout a header is (or null). */
export function detectJournalFormat(header: readonly string[], file = ''): FormatSpec | null {
  const cols = new Columns(file, header);
  return JOURNAL_FORMAT_SPECS.find((s) => s.matches(cols)) ?? null;
}

export function tokenize(file: string, text: string): CsvRecord[] {
  const t = new CsvTokenizer();
  try {
    return t.push(text).concat(t.end());
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw problem({ file, line: err.line }, err.column, 'CSV', 'well-formed CSV', '', `${file}:${err.line}:${err.column}: ${err.message}`);
    throw err;
  }
}

/**
 * Reads one account export whole (they are megabytes, not gigabytes) into normalised rows, or
 * throws an ImportProblemError naming the file, line and column of the first bad value. Nothing
 * is written here: the caller commits every file of an import in one transaction.
 */
export function readJournalFile(path: string, label: string, options: ReaderOptions): ReadFileResult {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    throw fileProblem(label, 'a readable file', '', `${label}: cannot read: ${(err as Error).message}`);
  }
  return readJournalText(text, label, options);
}

export function readJournalText(text: string, label: string, options: ReaderOptions): ReadFileResult {
  const records = tokenize(label, text);
  const header = records[0];
  if (!header) throw fileProblem(label, 'a header line', '', `${label}: the file is empty`);
  const spec = detectJournalFormat(header.fields, label);
  if (!spec) {
    throw new ImportProblemError({
      file: label,
      line: header.line,
      column: 1,
      field: 'header',
      expected: 'a Binance/Bybit account export or the generic template header',
      found: header.fields.join(',').slice(0, 60),
      message: `${label}:${header.line}:1: not an account export this journal reads (header "${header.fields.join(',').slice(0, 80)}")`,
    });
  }
  const cols = new Columns(label, header.fields);
  const reader = spec.create(cols, { ...options, file: label });
  const rows = emptyRows();
  const r = new RowReader(cols, label);
  let n = 0;
  for (let i = 1; i < records.length; i++) {
    const rec = records[i]!;
    if (rec.fields.length === 1 && rec.fields[0]!.trim() === '') continue;
    if (rec.fields.length !== header.fields.length) {
      throw problem({ file: label, line: rec.line }, Math.min(rec.fields.length, header.fields.length) + 1, 'row', `${header.fields.length} fields like the header`, `${rec.fields.length} fields`);
    }
    reader.row(r.at(rec.fields, rec.line), rows);
    n += 1;
  }
  const notes = reader.finish(rows);
  return { format: spec.format, rows, rowsRead: n, notes };
}
