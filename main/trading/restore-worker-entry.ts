import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * How to start the restore worker: bundled next to main's and the host's bundle as
 * trading-restore-worker.cjs (electron.config.ts); from the sources (tsx, vitest) the TypeScript
 * file beside this one, behind a small eval'd script that registers tsx in the thread (as the
 * decay Monte Carlo does: Node 20 does not pass `--import tsx` on to workers).
 * LEVDESK_RESTORE_WORKER names a bundle to start instead when running from the sources: the
 * crowd-thread bench measures the worker as shipped (tsx compiling the worker's sources took
 * ~0.7 s of each reopen it measured; the bundle starts in ~70 ms).
 */
export function restoreWorkerEntry(): { readonly source: string; readonly eval: boolean } {
  const bundle = process.env.LEVDESK_RESTORE_WORKER;
  if (bundle && fs.existsSync(bundle)) return { source: bundle, eval: false };
  if (typeof __dirname === 'string') {
    const bundled = path.join(__dirname, 'trading-restore-worker.cjs');
    if (fs.existsSync(bundled)) return { source: bundled, eval: false };
  }
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./restore-worker.ts', import.meta.url).href;
  return { source: `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`, eval: true };
}
