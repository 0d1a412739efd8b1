import { Worker } from 'node:worker_threads';
import type { RestoreJob, RestoreMessage } from './restore-protocol';
import { restoreWorkerEntry } from './restore-worker-entry';

/**
 * A restore worker thread (restore-worker.ts), possibly started before the reopen that uses it:
 * createAppAsync starts a big workspace's one with its job (the restore as of the log's last
 * event) while the workspace's pages are checked and its services are made, so the thread's boot
 * (~0.2 s) and its first reads overlap them. Its answers wait here until the reopen listens, and
 * what ends the thread is kept from the start, so a reopen that starts later still hears of it.
 */
export class RestoreWorker {
  readonly worker: Worker;
  /** Why the thread ended (an error, or its exit), once it has. */
  readonly ended: Promise<Error>;
  private handler: ((m: RestoreMessage) => void) | null = null;
  private readonly waiting: RestoreMessage[] = [];

  /** `earlyJob`: posted at once (toSeq 'head'); the reopen checks its answers fit the open file. */
  constructor(readonly earlyJob: RestoreJob | null = null) {
    const entry = restoreWorkerEntry();
    this.worker = new Worker(entry.source, { eval: entry.eval });
    this.ended = new Promise((resolve) => {
      this.worker.once('error', (err) => resolve(err));
      this.worker.once('exit', (code) => resolve(new Error(`the trading restore worker stopped (exit ${code})`)));
    });
    this.worker.on('message', (m: RestoreMessage) => {
      if (this.handler) this.handler(m);
      else this.waiting.push(m);
    });
    if (earlyJob) this.worker.postMessage(earlyJob);
  }

  /** Every answer from now on, those that came before first. */
  listen(handler: (m: RestoreMessage) => void): void {
    this.handler = handler;
    for (const m of this.waiting.splice(0)) handler(m);
  }

  post(job: RestoreJob): void {
    this.worker.postMessage(job);
  }

  terminate(): void {
    void this.worker.terminate();
  }
}
