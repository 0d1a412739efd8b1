import type { ImportProblem } from '#shared/domain/market-import';

/**
 * A bad file: thrown by a format reader on the first row it cannot accept. The import then
 * rolls back (nothing staged is merged) and the problem travels to the caller as is.
 */
export class ImportProblemError extends Error {
  override readonly name = 'ImportProblemError';
  constructor(readonly problem: ImportProblem) {
    super(formatProblem(problem));
  }
}

export function formatProblem(p: ImportProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return `${where}: ${p.message}`;
}

/** Where a reader is, so it can name the place of a problem. */
export interface RowContext {
  readonly file: string;
  readonly line: number;
}

export function problem(
  ctx: RowContext,
  column: number,
  field: string,
  expected: string,
  found: string,
  message?: string,
): ImportProblemError {
  const shown = found.length > 60 ? `${found.slice(0, 57)}...` : found;
  const text = message ?? `${field} (column ${column}): expected ${expected}, found "${shown}"`;
  return new ImportProblemError({ file: ctx.file, line: ctx.line, column, field, expected, found: shown, message: text });
}

/** A problem with the whole file rather than one row (unknown format, missing symbol). */
export function fileProblem(file: string, expected: string, found: string, message: string): ImportProblemError {
  return new ImportProblemError({ file, line: 0, column: 0, field: '', expected, found, message });
}
