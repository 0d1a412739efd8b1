import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The decay worker threads: the Monte Carlo pool's and the exact single path's. */
const WORKERS = { 'decay-mc-worker': './mc-worker.ts', 'decay-lab-worker': './lab-worker.ts' } as const;

/**
 * How to start a decay worker. In a bundle (dist/*.cjs) esbuild built the worker next to the
 * bundle as <name>.cjs (electron.config.ts). Run from the sources (tsx, vitest) the worker is the
 * TypeScript file beside this one: a tiny eval'd script registers tsx in the new thread first
 * (Node 20 does not pass `--import tsx` hooks on to workers).
 */
export function workerEntry(name: keyof typeof WORKERS): { readonly source: string | URL; readonly eval: boolean } {
  if (typeof __dirname === 'string') {
    const bundled = path.join(__dirname, `${name}.cjs`);
    if (fs.existsSync(bundled)) return { source: bundled, eval: false };
  }
  // The ESM build of tsx's API (its CommonJS build cannot register hooks from a worker).
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const worker = new URL(WORKERS[name], import.meta.url).href;
  return { source: `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`, eval: true };
}

export function mcWorkerEntry(): { readonly source: string | URL; readonly eval: boolean } {
  return workerEntry('decay-mc-worker');
}
