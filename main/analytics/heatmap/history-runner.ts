import { Worker } from 'node:worker_threads';
import { workerEntry } from '../../app/worker-entry';
import type { HeatmapHistory } from './history-replay';
import type { HistoryJob, HistoryReply } from './history-worker';

export interface HistoryRun {
  readonly result: Promise<HeatmapHistory>;
  /** Stops the worker (the app closes): the result rejects. */
  cancel(): void;
}

/** Replays a session's log up to `toSeq` in a worker thread and returns the heatmap's history. */
export function rebuildHistoryOffMain(job: HistoryJob): HistoryRun {
  const entry = workerEntry('heatmap-history-worker', './history-worker.ts', import.meta.url);
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
