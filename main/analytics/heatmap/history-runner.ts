import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HeatmapHistory } from './history-replay';
import type { HistoryJob, HistoryReply } from './history-worker';

/**
 * How to start the history worker: in a bundle (dist/*.cjs) esbuild built it next to the bundle
 * as heatmap-history-worker.cjs (electron.config.ts); from the sources (tsx, vitest) a tiny
 * eval'd script registers tsx in the new thread first (as the decay Monte Carlo does).
 */
function workerEntry(): { readonly source: string; readonly eval: boolean } {
  if (typeof __dirname === 'string') {
    const bundled = path.join(__dirname, 'heatmap-history-worker.cjs');
    if (fs.existsSync(bundled)) return { source: bundled, eval: false };
  }
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./history-worker.ts', import.meta.url).href;
  return { source: `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`, eval: true };
}

export interface HistoryRun {
  readonly result: Promise<HeatmapHistory>;
  /** Stops the worker (the app closes): the result rejects. */
  cancel(): void;
}

/** Replays a session's log up to `toSeq` in a worker thread and returns the heatmap's history. */
export function rebuildHistoryOffMain(job: HistoryJob): HistoryRun {
  const entry = workerEntry();
  let worker: Worker | null = null;
  const result = new Promise<HeatmapHistory>((resolve, reject) => {
    worker = new Worker(entry.source, { eval: entry.eval, workerData: job });
    // A rebuild in flight does not keep a closing process alive.
    worker.unref();
    let settled = false;
    worker.once('message', (reply: HistoryReply) => {
      settled = true;
      void worker!.terminate();
      if (reply.ok) resolve(reply.history);
      else reject(new Error(reply.message));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the heatmap history worker stopped (exit ${code})`));
    });
  });
  return { result, cancel: () => void (worker as Worker | null)?.terminate() };
}
