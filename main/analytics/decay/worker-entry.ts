import { workerEntry, type WorkerEntry } from '../../app/worker-entry';

/** The decay worker threads: the Monte Carlo pool's and the exact single path's. */
const WORKERS = { 'decay-mc-worker': './mc-worker.ts', 'decay-lab-worker': './lab-worker.ts' } as const;

/** How to start a decay worker: its bundle, or its TypeScript module through tsx (main/app/worker-entry.ts). */
export function decayWorkerEntry(name: keyof typeof WORKERS): WorkerEntry {
  return workerEntry(name, WORKERS[name], import.meta.url);
}
