import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { McBlock } from '#shared/risk/tokens/mc/kernel';
import type { McConfig } from '#shared/risk/tokens/mc/model';
import type { GridSummary, McSummary, McSummaryJob } from '#shared/risk/tokens/mc/summarise';
import type { FromWorker, ToWorker } from './mc-protocol';
import { decayWorkerEntry } from './worker-entry';

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

export interface McPoolTiming {
  /** Time from every worker being ready to the last block, seconds (thread start-up excluded). */
  readonly seconds: number;
  /** CPU time the workers spent simulating, seconds summed over threads (null where the platform does not say). */
  readonly cpuSeconds: number | null;
}

export interface McPoolResult extends McPoolTiming {
  /** One block per task, in task order (never in finishing order: same seed, same output). */
  readonly blocks: McBlock[];
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

/** Runs Monte Carlo blocks on worker threads and hands the blocks back to the caller (tests, benches). */
export async function runMcTasks(configs: readonly McConfig[], seed: number, tasks: readonly McTask[], options: McPoolOptions = {}): Promise<McPoolResult> {
  const r = await runPool(configs, seed, tasks, options, null);
  return { blocks: r.blocks, seconds: r.seconds, cpuSeconds: r.cpuSeconds };
}

/** Runs the blocks, then has a worker summarise them: main only routes messages and transferred buffers. */
export async function runMcSummary<J extends McSummaryJob>(configs: readonly McConfig[], seed: number, tasks: readonly McTask[], job: J, options: McPoolOptions = {}): Promise<McPoolTiming & { summary: J extends { kind: 'grid' } ? GridSummary : McSummary }> {
  const r = await runPool(configs, seed, tasks, options, job);
  return { summary: r.summary as J extends { kind: 'grid' } ? GridSummary : McSummary, seconds: r.seconds, cpuSeconds: r.cpuSeconds };
}

interface PoolRun extends McPoolResult {
  readonly summary: McSummary | GridSummary | null;
}

/**
 * Hands each idle worker the next task (two in flight each, so a thread never waits for main),
 * so the threads finish together whatever the machine's load; main never simulates or loops over
 * paths, so its event loop stays free. With a job: collects each worker's fan histograms, then
 * transfers every block to worker 0 to summarise.
 */
function runPool(configs: readonly McConfig[], seed: number, tasks: readonly McTask[], options: McPoolOptions, job: McSummaryJob | null): Promise<PoolRun> {
  const n = Math.max(1, Math.min(options.workers ?? defaultWorkers(), tasks.length));
  const entry = decayWorkerEntry('decay-mc-worker');
  return new Promise<PoolRun>((resolve, reject) => {
    const blocks: (McBlock | undefined)[] = new Array<McBlock | undefined>(tasks.length);
    const workers: Worker[] = [];
    const cpuStart: (number | null)[] = [];
    const cpuLast: (number | null)[] = [];
    const fans: (readonly (Int32Array | null)[])[] = [];
    let next = 0;
    let done = 0;
    let ready = 0;
    let started = 0;
    let seconds = 0;
    let settled = false;
    const cpuSeconds = (): number | null => {
      let sum = 0;
      for (let i = 0; i < n; i += 1) {
        const a = cpuStart[i];
        const b = cpuLast[i];
        if (a === null || a === undefined || b === null || b === undefined) return null;
        sum += b - a;
      }
      return sum / 1000;
    };
    const finish = (err: Error | null, summary: McSummary | GridSummary | null = null): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve({ blocks: blocks as McBlock[], seconds, cpuSeconds: cpuSeconds(), summary });
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
    const summariseOn = (w: Worker, j: McSummaryJob): void => {
      const bs = blocks as McBlock[];
      const transfer: ArrayBuffer[] = [];
      for (const b of bs) transfer.push(b.terminal.buffer as ArrayBuffer, b.liquidated.buffer as ArrayBuffer, b.rebalances.buffer as ArrayBuffer);
      for (const f of fans) for (const h of f) if (h) transfer.push(h.buffer as ArrayBuffer);
      w.postMessage({ type: 'summarise', job: j, taskConfigs: tasks.map((t) => t.config), blocks: bs, fans } satisfies ToWorker, transfer);
    };
    if (tasks.length === 0) {
      finish(null);
      return;
    }
    for (let i = 0; i < n; i += 1) {
      const w = new Worker(entry.source, { eval: entry.eval });
      workers.push(w);
      w.on('message', (msg: FromWorker) => {
        if (settled) return;
        switch (msg.type) {
          case 'ready':
            ready += 1;
            cpuStart[i] = msg.cpuMs;
            cpuLast[i] = msg.cpuMs;
            w.postMessage({ type: 'configs', configs } satisfies ToWorker);
            if (ready === n) {
              started = performance.now();
              for (const each of workers) {
                feed(each);
                feed(each);
              }
            }
            return;
          case 'error':
            finish(new Error(`Monte Carlo worker failed: ${msg.message}`));
            return;
          case 'fans':
            fans[i] = msg.fans;
            if (job && fans.filter(Boolean).length === n) summariseOn(workers[0]!, job);
            return;
          case 'summary':
            finish(null, msg.summary);
            return;
          case 'done':
            blocks[msg.task] = msg.block;
            cpuLast[i] = msg.cpuMs;
            done += 1;
            options.onProgress?.(done, tasks.length);
            if (done < tasks.length) {
              feed(w);
              return;
            }
            seconds = (performance.now() - started) / 1000;
            if (!job) finish(null);
            else for (const each of workers) each.postMessage({ type: 'collect' } satisfies ToWorker);
            return;
          default:
            return;
        }
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
