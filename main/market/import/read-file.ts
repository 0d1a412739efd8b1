import type { ImportFormat, ImportOptions } from '#shared/domain/market-import';
import { CsvLineTooLong, CsvSyntaxError, csvRecords, type CsvReadProgress } from './csv-records';
import { hintsFromName } from './file-name';
import { BinanceFundingReader } from './formats/binance-funding';
import { BinanceKlinesReader } from './formats/binance-klines';
import { BookDepthReader } from './formats/book-depth';
import { BybitFundingReader } from './formats/bybit-funding';
import { detectFormat } from './formats/detect';
import { GenericOhlcvReader } from './formats/generic-ohlcv';
import type { FormatReader, ReadSeries, ReaderContext } from './formats/reader';
import { ImportProblemError, fileProblem } from './problem';
import type { ImportEntry } from './sources';
import type { StageSink } from './stage-sink';
import type { Warnings } from './warnings';

export interface EntryResult {
  readonly format: ImportFormat;
  readonly series: ReadSeries[];
}

export interface ReadEntryOptions {
  readonly entry: ImportEntry;
  /** Full path as given (dataset folders such as markPriceKlines/ hint the kind). */
  readonly fullPath: string;
  readonly options: ImportOptions;
  readonly sink: StageSink;
  readonly warnings: Warnings;
  readonly assumptions: Set<string>;
  readonly progress: CsvReadProgress & { rows: number };
  /** Called after each batch of records: report progress, honour cancellation (may throw). */
  readonly onBatch: () => void;
}

/** Streams one CSV entry through format detection and its reader into the staging sink. */
export async function readEntry(o: ReadEntryOptions): Promise<EntryResult> {
  const file = o.entry.label;
  const hints = hintsFromName(o.entry.baseName, o.fullPath);
  const ctx: ReaderContext = {
    file,
    hints,
    options: o.options,
    sink: o.sink,
    warnings: o.warnings,
    assume: (text) => o.assumptions.add(text),
  };
  let reader: FormatReader | null = null;
  let format: ImportFormat | null = null;
  const stream = await o.entry.open();
  try {
    for await (const batch of csvRecords(stream, o.progress)) {
      for (const rec of batch) {
        if (reader === null) {
          const detected = detectFormat(file, rec.fields, o.options.format);
          format = detected.format;
          reader = makeReader(format, ctx, rec.fields);
          if (detected.header) continue;
        }
        reader.row(rec.fields, rec.line);
      }
      o.progress.rows += batch.length;
      o.onBatch();
    }
  } catch (err) {
    stream.destroy();
    if (err instanceof CsvSyntaxError) {
      throw new ImportProblemError({ file, line: err.line, column: err.column, field: '', expected: 'well-formed CSV', found: 'malformed quoting', message: `${err.message}` });
    }
    if (err instanceof CsvLineTooLong) {
      throw new ImportProblemError({ file, line: err.line, column: 1, field: '', expected: 'a line of at most 64 KiB', found: 'a longer line', message: err.message });
    }
    throw err;
  }
  if (!reader || !format) throw fileProblem(file, 'CSV rows', 'an empty file', `${file} is empty`);
  return { format, series: reader.finish() };
}

function makeReader(format: ImportFormat, ctx: ReaderContext, header: string[]): FormatReader {
  switch (format) {
    case 'binance-klines':
      return new BinanceKlinesReader(ctx);
    case 'binance-funding':
      return new BinanceFundingReader(ctx);
    case 'bybit-funding':
      return new BybitFundingReader(ctx);
    case 'binance-book-depth':
      return new BookDepthReader(ctx);
    case 'generic-ohlcv':
      return new GenericOhlcvReader(ctx, header);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
