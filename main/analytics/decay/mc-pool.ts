import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { McBlock } from '#shared/risk/tokens/mc/kernel';
import type { McConfig } from '#shared/risk/tokens/mc/model';
import type { FromWorker, ToWorker } from './mc-protocol';
import { mcWorkerEntry } from './worker-entry';

export interface McTask {
  /** Index into the run's configurations. */
  readonly config: number;
  /** The seed stream: block b of a configuration always draws the same numbers. */
  readonly block: number;
  readonly paths: number;
}

export interface McPoolOptions {
  /** Worker threads (default: every core, at least 1). */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export interface McPoolResult {
  /** One block per task, in task order (never in finishing order: same seed, same output). */
  readonly blocks: McBlock[];
  /** Time from every worker being ready to the last block, seconds (thread start-up excluded). */
  readonly seconds: number;
}

export class McCancelled extends Error {
  override readonly name = 'McCancelled';
  constructor() {
    super('the Monte Carlo run was cancelled');
  }
}

export function defaultWorkers(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Runs Monte Carlo blocks on worker threads, handing each idle worker the next task so the
 * threads finish together; main only routes messages (it never simulates, so it never blocks).
 */
export function runMcTasks(configs: readonly McConfig[], seed: number, tasks: readonly McTask[], options: McPoolOptions = {}): Promise<McPoolResult> {
  const n = Math.max(1, Math.min(options.workers ?? defaultWorkers(), tasks.length));
  const entry = mcWorkerEntry();
  return new Promise<McPoolResult>((resolve, reject) => {
    const blocks: (McBlock | undefined)[] = new Array<McBlock | undefined>(tasks.length);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let ready = 0;
    let started = 0;
    let settled = false;
    const finish = (err: Error | null): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve({ blocks: blocks as McBlock[], seconds: (performance.now() - started) / 1000 });
    };
    const onAbort = (): void => finish(new McCancelled());
    if (options.signal?.aborted) {
      reject(new McCancelled());
      return;
    }
    options.signal?.addEventListener('abort', onAbort);
    const feed = (w: Worker): void => {
      if (next >= tasks.length) return;
      const i = next++;
      const t = tasks[i]!;
      w.postMessage({ type: 'task', task: i, config: t.config, seed, block: t.block, paths: t.paths } satisfies ToWorker);
    };
    if (tasks.length === 0) {
      started = performance.now();
      finish(null);
      return;
    }
    for (let i = 0; i < n; i += 1) {
      const w = new Worker(entry.source, { eval: entry.eval });
      workers.push(w);
      w.on('message', (msg: FromWorker) => {
        if (settled) return;
        if (msg.type === 'ready') {
          ready += 1;
          w.postMessage({ type: 'configs', configs } satisfies ToWorker);
          if (ready === n) {
            started = performance.now();
            for (const each of workers) {
              feed(each);
              feed(each);
            }
          }
          return;
        }
        if (msg.type === 'error') {
          finish(new Error(`Monte Carlo worker failed: ${msg.message}`));
          return;
        }
        blocks[msg.task] = msg.block;
        done += 1;
        options.onProgress?.(done, tasks.length);
        if (done === tasks.length) finish(null);
        else feed(w);
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`Monte Carlo worker exited with code ${code}`));
      });
    }
  });
}

/** Cuts `paths` into seed blocks of at most blockPaths each. */
export function blockTasks(config: number, paths: number, blockPaths: number): McTask[] {
  const tasks: McTask[] = [];
  for (let b = 0, left = paths; left > 0; b += 1, left -= blockPaths) tasks.push({ config, block: b, paths: Math.min(blockPaths, left) });
  return tasks;
}
