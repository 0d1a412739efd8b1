import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * How to start the restore worker: bundled next to main's and the host's bundle as
 * trading-restore-worker.cjs (electron.config.ts); from the sources (tsx, vitest) the TypeScript
 * file beside this one, behind a small eval'd script that registers tsx in the thread (as the
 * decay Monte Carlo does: Node 20 does not pass `--import tsx` on to workers).
 */
export function restoreWorkerEntry(): { readonly source: string; readonly eval: boolean } {
  if (typeof __dirname === 'string') {
    const bundled = path.join(__dirname, 'trading-restore-worker.cjs');
    if (fs.existsSync(bundled)) return { source: bundled, eval: false };
  }
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./restore-worker.ts', import.meta.url).href;
  return { source: `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`, eval: true };
}
