import type { ImportProblem } from '#shared/domain/market-import';

/**
 * A bad file: thrown by a format reader on the first row it cannot accept. The import then
 * rolls back (nothing staged is merged) and the problem travels to the caller as is.
 */
export class ImportProblemError extends Error {
  override readonly name = 'ImportProblemError';
  readonly problem: ImportProblem;
  constructor(problem: ImportProblem) {
    // The last line of defence: whatever a reader quoted, no message carries a whole line of a file.
    const safe = { ...problem, found: clip(problem.found), message: clipMessage(problem.message) };
    super(formatProblem(safe));
    this.problem = safe;
  }
}

/** Most of a file's text a message may quote. */
export const MAX_QUOTED_CHARS = 200;
const MAX_MESSAGE_CHARS = 4 * MAX_QUOTED_CHARS;

/** At most MAX_QUOTED_CHARS of a piece of a file, marked when cut. */
export function clip(text: string, max = MAX_QUOTED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}… (${text.length.toLocaleString('en-US')} characters)`;
}

function clipMessage(message: string): string {
  const quoted = message.replace(/"([^"]{201,})"/g, (_m, inner: string) => `"${clip(inner)}"`);
  return quoted.length <= MAX_MESSAGE_CHARS ? quoted : clip(quoted, MAX_MESSAGE_CHARS);
}

export function formatProblem(p: ImportProblem): string {
  if (p.line > 0) return `${p.file}:${p.line}:${p.column}: ${p.message}`;
  // A whole-file message names its file already; "FILE: FILE has no data rows" says it twice.
  return p.message.includes(p.file) ? p.message : `${p.file}: ${p.message}`;
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
  const shown = clip(found, 60);
  const text = message ?? `${field} (column ${column}): expected ${expected}, found "${shown}"`;
  return new ImportProblemError({ file: ctx.file, line: ctx.line, column, field, expected, found: shown, message: text });
}

/** A problem with the whole file rather than one row (unknown format, missing symbol). */
export function fileProblem(file: string, expected: string, found: string, message: string): ImportProblemError {
  return new ImportProblemError({ file, line: 0, column: 0, field: '', expected, found, message });
}
