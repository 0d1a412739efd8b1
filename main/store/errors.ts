/** Why a workspace file could not be opened or written. Each kind has a message for the user. */
export type StoreErrorKind =
  | 'NOT_LEVDESK' // a file that is not a Levdesk workspace (not SQLite, or another app's SQLite)
  | 'CORRUPT' // a Levdesk/SQLite file whose pages fail SQLite's checks
  | 'FROM_FUTURE' // written by a newer Levdesk; opening it could lose data, so we refuse
  | 'NATIVE_ABI' // the better-sqlite3 addon was built for another Node/Electron ABI
  | 'READ_ONLY' // the file or its folder cannot be written (permissions, a read-only disk)
  | 'IN_USE' // another Levdesk process holds the workspace's writer lock
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

/** What a user reads when the workspace cannot be written: which file, why, and that nothing changed. */
export function readOnlyMessage(file: string, why: string): string {
  return `The workspace ${file} is read-only (${why}); Levdesk writes every order and import to it, so it cannot be used as it is. Nothing was changed. Make the file and its folder writable, or copy the folder somewhere writable.`;
}
