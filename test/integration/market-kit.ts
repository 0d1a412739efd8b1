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

/** The fixtures the built-in crash scenarios need (the same real files the default data set holds). */
export const SCENARIO_FIXTURES = [
  'BTCUSDT-1h-2022-11.csv',
  'BTCUSDT-1m-2020-03.EXCERPT-2020-03-13T0100Z-0259Z.csv',
  'BTCUSDT-1m-2025-10.EXCERPT-2025-10-10T2000Z-2159Z.csv',
  'BTCUSDT-fundingRate-2020-03.csv',
  'BTCUSDT-fundingRate-2022-11.csv',
  'BTCUSDT-fundingRate-2025-10.csv',
];

export async function loadScenarioFixtures(w: TempWorkspace): Promise<void> {
  await w.import(SCENARIO_FIXTURES.map(fixture));
  await w.import([fixture('BTCUSDT-5m-2025-10-10.zip'), fixture('BTCUSDT-5m-2025-10-11.zip')], { kind: 'mark' });
}
