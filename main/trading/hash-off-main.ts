import { Worker } from 'node:worker_threads';
import type { RestoreJob, RestoreMessage } from './restore-protocol';
import { restoreWorkerEntry } from './restore-worker-entry';

/**
 * The state hash of a big engine without holding main (issue 10 item 7). Hashing a
 * 100,000-trader state is a canonical snapshot of some 55 MB and its sha256: a second or more.
 * The restore worker rebuilds the state as of event `toSeq` from the workspace's log (the latest
 * snapshot, then the events after it: the same events give the same state) and answers its hash.
 * The caller commits its buffered events first, so the log holds everything up to `toSeq`.
 */
export function hashOffMain(dbPath: string, toSeq: number): Promise<string> {
  const entry = restoreWorkerEntry();
  const worker = new Worker(entry.source, { eval: entry.eval });
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const end = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: RestoreMessage) => {
      if (m.kind === 'verified') end(() => resolve(m.hash));
      else if (m.kind === 'error') end(() => reject(new Error(m.message)));
    });
    worker.once('error', (err) => end(() => reject(err)));
    worker.once('exit', (code) => end(() => reject(new Error(`the state hash worker stopped (exit ${code})`))));
    worker.postMessage({ dbPath, toSeq, verify: false, hashOnly: true } satisfies RestoreJob);
  });
}
