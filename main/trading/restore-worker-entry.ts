import fs from 'node:fs';
import { workerEntry, type WorkerEntry } from '../app/worker-entry';

/**
 * How to start the restore worker: bundled as trading-restore-worker.cjs, or restore-worker.ts
 * through tsx from the sources (main/app/worker-entry.ts). LEVDESK_RESTORE_WORKER names a bundle
 * to start instead when running from the sources: the crowd-thread bench measures the worker as
 * shipped (tsx compiling the worker's sources took ~0.7 s of each reopen it measured; the bundle
 * starts in ~70 ms).
 */
export function restoreWorkerEntry(): WorkerEntry {
  const bundle = process.env.LEVDESK_RESTORE_WORKER;
  if (bundle && fs.existsSync(bundle)) return { source: bundle, eval: false };
  return workerEntry('trading-restore-worker', './restore-worker.ts', import.meta.url);
}
