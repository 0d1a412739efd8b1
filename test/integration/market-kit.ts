import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportOptions, ImportProgress, ImportSummary } from '#shared/domain/market-import';
import { importFiles } from '#main/market/import/import-files';
import { openWorkspace, type Workspace } from '#main/store/db';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/market');
export const fixture = (name: string): string => path.join(FIXTURES, name);

export interface TempWorkspace {
  readonly ws: Workspace;
  readonly dir: string;
  import(files: string[], options?: ImportOptions, onProgress?: (p: ImportProgress) => void): Promise<ImportSummary>;
  /** Everything market-related in the workspace, to prove a failed import changed nothing. */
  snapshot(): unknown;
  /** A scratch file in the temp folder. */
  write(name: string, text: string): string;
  cleanup(): void;
}

export function tempWorkspace(label = 'market'): TempWorkspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `levdesk-${label}-`));
  const ws = openWorkspace(path.join(dir, 'workspace.levdesk.db'));
  return {
    ws,
    dir,
    import: (files, options = {}, onProgress) =>
      importFiles({ files, options, origin: 'import' }, { db: ws.db, stagingDir: path.join(dir, 'tmp'), now: () => 1_700_000_000_000, importId: 'test', ...(onProgress ? { onProgress } : {}) }),
    snapshot: () => ({
      series: ws.db.prepare('SELECT * FROM market_series ORDER BY id').all(),
      candles: ws.db.prepare('SELECT count(*) AS n, sum(length(open || high || low || close)) AS chars FROM market_candles').get(),
      funding: ws.db.prepare('SELECT count(*) AS n FROM market_funding').get(),
      depth: ws.db.prepare('SELECT count(*) AS n FROM market_depth').get(),
      imports: ws.db.prepare('SELECT count(*) AS n FROM market_imports').get(),
    }),
    write: (name, text) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    },
    cleanup: () => {
      ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
