import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * How to start a Monte Carlo worker. In a bundle (dist/*.cjs) esbuild built the worker next to
 * the bundle as decay-mc-worker.cjs (electron.config.ts). Run from the sources (tsx, vitest) the
 * worker is the TypeScript file beside this one: a tiny eval'd script registers tsx in the new
 * thread first (Node 20 does not pass `--import tsx` hooks on to workers).
 */
export function mcWorkerEntry(): { readonly source: string | URL; readonly eval: boolean } {
  if (typeof __dirname === 'string') {
    const bundled = path.join(__dirname, 'decay-mc-worker.cjs');
    if (fs.existsSync(bundled)) return { source: bundled, eval: false };
  }
  // The ESM build of tsx's API (its CommonJS build cannot register hooks from a worker).
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./mc-worker.ts', import.meta.url).href;
  return { source: `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`, eval: true };
}
