import { bundledWorker, sourceWorker, type WorkerEntry } from '../../app/worker-entry';

export type { WorkerEntry };

/**
 * How to start the journal worker: its bundle, journal-worker.cjs. From the sources there is
 * none, and the journal runs on the calling thread (vitest, the CLI) unless `fromSources` asks
 * for the TypeScript file through tsx, as the bench and the worker's own test do.
 */
export function journalWorkerEntry(fromSources = false): WorkerEntry | null {
  const bundled = bundledWorker('journal-worker');
  if (bundled || !fromSources) return bundled;
  return sourceWorker('./journal-worker.ts', import.meta.url);
}
