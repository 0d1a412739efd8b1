/** Why a workspace file could not be opened or written. Each kind has a message for the user. */
export type StoreErrorKind =
  | 'NOT_LEVDESK' // a file that is not a Levdesk workspace (not SQLite, or another app's SQLite)
  | 'CORRUPT' // a Levdesk/SQLite file whose pages fail SQLite's checks
  | 'FROM_FUTURE' // written by a newer Levdesk; opening it could lose data, so we refuse
  | 'NATIVE_ABI' // the better-sqlite3 addon was built for another Node/Electron ABI
  | 'IO'; // the file or its folder cannot be read or written

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE']);

export function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (CORRUPTION_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}
