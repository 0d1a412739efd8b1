import path from 'node:path';
import type { JournalFileResult, JournalImportResult } from '#shared/journal/journal-import';
import type { Db } from '../../store/db-types';
import { JournalRepo } from '../../store/journal-repo';
import { ImportProblemError, formatProblem } from '../../market/import/problem';
import { readJournalFile, type ReadFileResult } from './read-journal-file';

export interface JournalImportOptions {
  readonly account: string | null;
  /** Check and count, write nothing. */
  readonly preview: boolean;
  /** Names to show for the paths (uploads keep their original names); default: the path. */
  readonly names?: readonly string[];
  readonly now?: number;
}

/** A refused import: every file's result, the bad one carrying its FILE:LINE:COLUMN message. */
export class JournalImportRefused extends Error {
  override readonly name = 'JournalImportRefused';
  constructor(
    readonly problem: ImportProblemError,
    readonly files: JournalFileResult[],
  ) {
    super(problem.message);
  }
}

class Rollback extends Error {}

function describe(file: string, read: ReadFileResult | null, added: number, errors: string[]): JournalFileResult {
  const rows = read?.rows;
  const accounts = new Set<string>();
  const assets = new Set<string>();
  const symbols = new Set<string>();
  let from: number | null = null;
  let to: number | null = null;
  const seeTime = (t: number) => {
    from = from === null ? t : Math.min(from, t);
    to = to === null ? t : Math.max(to, t);
  };
  const see = (account: string, symbol: string | null, t: number, ...assetList: string[]) => {
    accounts.add(account);
    if (symbol !== null) symbols.add(symbol);
    for (const a of assetList) assets.add(a);
    seeTime(t);
  };
  if (rows) {
    for (const f of rows.fills) see(f.account, f.symbol, f.t, f.settleAsset, f.feeAsset);
    for (const x of rows.transactions) see(x.account, x.symbol, x.t, x.asset);
    for (const o of rows.orders) see(o.account, o.symbol, o.t);
    for (const p of rows.positions) see(p.account, p.symbol, p.closed ?? p.opened);
    for (const p of rows.positions) seeTime(p.opened);
    for (const c of rows.closed) see(c.account, c.symbol, c.closedAt, c.asset);
  }
  return {
    file,
    format: read?.format ?? null,
    rowsRead: read?.rowsRead ?? 0,
    rowsAdded: added,
    errors,
    notes: read?.notes ?? [],
    accounts: [...accounts].sort(),
    assets: [...assets].sort(),
    symbols: [...symbols].sort(),
    from,
    to,
  };
}

/**
 * Reads every file first (a bad one refuses the whole import before anything is written), then
 * inserts all of them in ONE transaction. A preview runs the same inserts and rolls them back, so
 * "what will be added" is exactly what an import would add.
 */
export function importJournalFiles(db: Db, paths: readonly string[], options: JournalImportOptions, countTrips: () => number): JournalImportResult {
  const labels = paths.map((p, i) => options.names?.[i] ?? p);
  const reads: Array<ReadFileResult | null> = [];
  for (let i = 0; i < paths.length; i++) {
    try {
      reads.push(readJournalFile(path.resolve(paths[i]!), labels[i]!, { file: labels[i]!, account: options.account }));
    } catch (err) {
      if (!(err instanceof ImportProblemError)) throw err;
      const files = labels.map((l, j) => (j === i ? describe(l, null, 0, [formatProblem(err.problem)]) : describe(l, reads[j] ?? null, 0, [])));
      throw new JournalImportRefused(err, files);
    }
  }
  const repo = new JournalRepo(db);
  const added: number[] = [];
  let trips = 0;
  const run = db.transaction(() => {
    reads.forEach((read, i) => {
      const id = repo.beginImport(labels[i]!, read!.format, read!.rowsRead, options.now ?? Date.now());
      const n = repo.insert(read!.rows, id);
      const total = n.fills + n.transactions + n.orders + n.positions + n.closed;
      repo.finishImport(id, total);
      added.push(total);
    });
    trips = countTrips();
    if (options.preview) throw new Rollback();
  });
  try {
    run();
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  const files = reads.map((r, i) => describe(labels[i]!, r, added[i] ?? 0, []));
  return { files, rowsAdded: added.reduce((a, b) => a + b, 0), preview: options.preview, trips };
}
