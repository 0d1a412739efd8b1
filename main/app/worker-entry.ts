import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What `new Worker(source, { eval })` needs to start one of main's worker threads. */
export interface WorkerEntry {
  readonly source: string;
  readonly eval: boolean;
}

/**
 * The worker's bundle: esbuild builds every worker next to main's and the host's bundle as
 * `<name>.cjs` (electron.config.ts). Null when running from the sources (tsx, vitest), where
 * `__dirname` is not defined or names a source folder without bundles.
 */
export function bundledWorker(name: string): WorkerEntry | null {
  if (typeof __dirname !== 'string') return null;
  const file = path.join(__dirname, `${name}.cjs`);
  return fs.existsSync(file) ? { source: file, eval: false } : null;
}

/**
 * A worker started from its TypeScript module through tsx: a tiny eval'd script registers tsx
 * in the new thread first, since Node 20 does not pass `--import tsx` hooks on to workers. It
 * uses the ESM build of tsx's API (its CommonJS build cannot register hooks from a worker).
 * `relative` is the module's path from `base`, the caller's `import.meta.url`.
 */
export function sourceWorker(relative: string, base: string): WorkerEntry {
  const tsxDir = path.dirname(createRequire(base).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const worker = new URL(relative, base).href;
  return { source: `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`, eval: true };
}

/**
 * The bundle when there is one, else the TypeScript module through tsx. `base` is read only
 * from the sources: in a CommonJS bundle `import.meta.url` is undefined.
 */
export function workerEntry(name: string, relative: string, base: string | undefined): WorkerEntry {
  const bundled = bundledWorker(name);
  if (bundled) return bundled;
  if (base === undefined) throw new Error(`the ${name} bundle is missing beside ${typeof __dirname === 'string' ? __dirname : 'this module'}`);
  return sourceWorker(relative, base);
}
