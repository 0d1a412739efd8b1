import type { ImportOptions } from '#shared/domain/market-import';
import type { CandleKind, Interval } from '#shared/domain/market-series';
import type { NameHints } from '../file-name';
import type { StageSink } from '../stage-sink';
import type { Warnings } from '../warnings';

export interface ReaderContext {
  /** The entry's label for messages ("file.csv" or "file.zip!inner.csv"). */
  readonly file: string;
  readonly hints: NameHints;
  readonly options: ImportOptions;
  readonly sink: StageSink;
  readonly warnings: Warnings;
  /** Everything the reader inferred rather than read; shown in the summary. */
  assume(text: string): void;
}

export interface ReadSeries {
  readonly target: 'candles' | 'funding' | 'depth';
  readonly venue: string;
  readonly symbol: string;
  readonly interval: Interval | null;
  readonly kind: CandleKind | null;
  /** The staging id (per target). */
  readonly sid: number;
  readonly rows: number;
  readonly from: number | null;
  readonly to: number | null;
}

/** One file format: fed every data record in order, then finished. Throws ImportProblemError. */
export interface FormatReader {
  row(fields: string[], line: number): void;
  finish(): ReadSeries[];
}
