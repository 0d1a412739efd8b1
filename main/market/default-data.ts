import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ImportOptionsSchema, type ImportSummary } from '#shared/domain/market-import';
import { MarketMetaRepo } from '../store/market-meta-repo';
import type { Db } from '../store/db-types';
import type { MarketService } from './market-service';

const ManifestSchema = z.object({
  version: z.number().int().positive(),
  files: z.array(z.object({ file: z.string().regex(/^[^/\\]+$/), sha256: z.string(), options: ImportOptionsSchema })).min(1),
});

const META_KEY = 'default-data';

/**
 * Where the embedded default data set is: next to the bundle (dist/default-data, copied there by
 * scripts/build.ts and shipped by electron-builder's dist/**), or resources/default-data in a
 * checkout run through tsx. LEVDESK_DEFAULT_DATA overrides both.
 */
export function findDefaultDataDir(): string | null {
  const candidates: string[] = [];
  if (process.env.LEVDESK_DEFAULT_DATA) candidates.push(process.env.LEVDESK_DEFAULT_DATA);
  if (typeof __dirname === 'string') candidates.push(path.join(__dirname, 'default-data'));
  // The CLI in a checkout runs bin/levdesk.mjs: the data is in ../resources. (Never the working
  // directory: a test runner started in the repository must not load the data into its workspaces.)
  const script = process.argv[1];
  if (script && path.basename(script) === 'levdesk.mjs') candidates.push(path.join(path.dirname(script), '../resources/default-data'));
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'manifest.json'))) ?? null;
}

export interface DefaultDataResult {
  readonly loaded: boolean;
  readonly reason: string;
  readonly summary?: ImportSummary;
}

/**
 * Loads the default data set into a workspace that has never had one and holds no market data,
 * as one all-or-nothing import marked origin 'default'. A workspace that already has market data,
 * or had the default before (even if the user deleted it since), is left alone.
 */
export async function loadDefaultData(db: Db, market: MarketService, dir: string | null): Promise<DefaultDataResult> {
  const meta = new MarketMetaRepo(db);
  if (meta.get(META_KEY) !== null) return { loaded: false, reason: 'the default data set was loaded before' };
  if (!meta.isEmpty()) return { loaded: false, reason: 'the workspace already holds market data' };
  if (!dir) return { loaded: false, reason: 'no default data set was found next to the app' };
  const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
  const files = manifest.files.map((f) => path.join(dir, f.file));
  const fileOptions = new Map(manifest.files.map((f) => [path.join(dir, f.file), f.options]));
  const names = new Map(manifest.files.map((f) => [path.join(dir, f.file), `default-data/${f.file}`]));
  const summary = await market.import(files, {}, 'default', names, fileOptions);
  meta.set(META_KEY, String(manifest.version));
  return { loaded: true, reason: `loaded ${manifest.files.length} files`, summary };
}
