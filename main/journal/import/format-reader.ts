import type { JournalFormat } from '#shared/journal/journal-import';
import type { Columns, RowReader } from './columns';
import type { ParsedRows } from './rows';

export interface ReaderOptions {
  readonly file: string;
  /** --account; otherwise the venue's default account name. */
  readonly account: string | null;
}

/** A layout: recognises its header, then reads each data record into the normalised rows. */
export interface FormatReader {
  readonly format: JournalFormat;
  row(r: RowReader, out: ParsedRows): void;
  /** After the last row: settle file-wide conventions (fee sign) and say what was assumed. */
  finish(out: ParsedRows): string[];
}

export interface FormatSpec {
  readonly format: JournalFormat;
  /** Does this header belong to the layout? */
  readonly matches: (cols: Columns) => boolean;
  readonly create: (cols: Columns, options: ReaderOptions) => FormatReader;
}

export function accountFor(options: ReaderOptions, venueDefault: string): string {
  return options.account ?? venueDefault;
}
