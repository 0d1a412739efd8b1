import type { ImportFileSummary } from '#shared/domain/market-import';
import type { SeriesOrigin } from '#shared/domain/market-series';
import type { Db } from './db-types';

export interface ImportRecord {
  readonly id: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly importedAt: number;
  readonly rowsAdded: number;
}

/** The log of imported files: what came in, when, and what it added. */
export class MarketImportsRepo {
  constructor(private readonly db: Db) {}

  record(summary: ImportFileSummary, origin: SeriesOrigin, importedAt: number): void {
    const rowsRead = summary.series.reduce((n, s) => n + s.rowsRead, 0);
    const rowsAdded = summary.series.reduce((n, s) => n + s.rowsAdded, 0);
    this.db
      .prepare('INSERT INTO market_imports (file_name, sha256, bytes, format, origin, rows_read, rows_added, summary, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(summary.file, summary.sha256, summary.bytes, summary.format, origin, rowsRead, rowsAdded, JSON.stringify(summary), importedAt);
  }

  /** The first import of a file with these bytes, if any. */
  findBySha(sha256: string): ImportRecord | null {
    return (
      this.db
        .prepare<[string], ImportRecord>(
          'SELECT id, file_name AS fileName, sha256, imported_at AS importedAt, rows_added AS rowsAdded FROM market_imports WHERE sha256 = ? ORDER BY id LIMIT 1',
        )
        .get(sha256) ?? null
    );
  }
}
