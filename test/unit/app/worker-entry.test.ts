import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { bundledWorker, sourceWorker, workerEntry, type WorkerEntry } from '#main/app/worker-entry';

/** Starts the entry and resolves with its first message. */
function firstMessage(entry: WorkerEntry): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const w = new Worker(entry.source, { eval: entry.eval });
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

const ECHO = '../../fixtures/workers/echo-worker.ts';

describe('starting a worker thread from its bundle or from the sources', () => {
  it('finds no bundle when run from the sources', () => {
    expect(bundledWorker('trading-restore-worker')).toBeNull();
  });

  it('runs a TypeScript module through tsx, resolved from the caller', async () => {
    const entry = sourceWorker(ECHO, import.meta.url);
    expect(entry.eval).toBe(true);
    await expect(firstMessage(entry)).resolves.toEqual({ answer: 42 });
  });

  it('falls back to the sources without a bundle, and names the bundle when it cannot', async () => {
    await expect(firstMessage(workerEntry('no-such-worker', ECHO, import.meta.url))).resolves.toEqual({ answer: 42 });
    expect(() => workerEntry('no-such-worker', ECHO, undefined)).toThrow(/the no-such-worker bundle is missing/);
  });
});
