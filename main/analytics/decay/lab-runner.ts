import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { LabOutput } from '#shared/domain/decay-lab';
import type { MarketData } from '../../market/feed/compile';
import { LabInputError, runLab } from './lab';
import type { LabReply, LabJob } from './lab-worker';
import type { LabInputParsed } from './lab-types';
import { SeriesPathError } from './series-path';
import { decayWorkerEntry } from './worker-entry';

/** The worker's error, as the class main's handler maps to BAD_INPUT. */
function rebuild(reply: Extract<LabReply, { ok: false }>): Error {
  if (reply.name === 'LabInputError') return new LabInputError(reply.message);
  if (reply.name === 'SeriesPathError') return new SeriesPathError(reply.message);
  // A RiskInputError's message already names its field.
  if (reply.name === 'RiskInputError') return new LabInputError(reply.message);
  return new Error(reply.message);
}

/**
 * Runs the exact single path in a worker thread: decimal simulation of up to 60,000 vertices and
 * the series read take longer than main may block (50 ms). One worker per request (they are
 * clicked, not streamed). A stored series in a workspace without a file (in-memory tests) runs on the calling thread:
 * the same function, so the same digits.
 */
export function runLabOffMain(dbPath: string, input: LabInputParsed, inline: () => MarketData): Promise<LabOutput> {
  // Only a stored series reads the workspace.
  if (input.source.type === 'series' && !fs.existsSync(dbPath)) return Promise.resolve().then(() => runLab(inline(), input));
  const entry = decayWorkerEntry('decay-lab-worker');
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.source, { eval: entry.eval });
    let settled = false;
    worker.once('message', (reply: LabReply) => {
      settled = true;
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else reject(rebuild(reply));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the decay worker stopped (exit ${code})`));
    });
    worker.postMessage({ dbPath, input } satisfies LabJob);
  });
}
