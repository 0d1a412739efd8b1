import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WorkerEntry {
  readonly source: string | URL;
  readonly eval: boolean;
}

/**
 * How to start the journal worker. In a bundle (dist/*.cjs) esbuild built it next to the bundle
 * as journal-worker.cjs (electron.config.ts). From the sources there is none, and the journal
 * runs on the calling thread (vitest, the CLI) unless `fromSources` asks for the TypeScript file
 * through tsx, as the bench and the worker's own test do.
 */
export function journalWorkerEntry(fromSources = false): WorkerEntry | null {
  if (typeof __dirname === 'string') {
    const bundled = path.join(__dirname, 'journal-worker.cjs');
    if (fs.existsSync(bundled)) return { source: bundled, eval: false };
  }
  if (!fromSources) return null;
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./journal-worker.ts', import.meta.url).href;
  return { source: `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`, eval: true };
}
