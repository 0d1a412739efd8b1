import { Worker } from 'node:worker_threads';
import { Engine } from '#main/engine/engine';
import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import type { AccountSnap, EngineSnapshot } from '#main/engine/state/snapshot';
import type { Db } from '../store/db-types';
import { TradingLogRepo } from '../store/trading-log-repo';
import { checkReplayed } from './rebuild';
import type { RestoreJob, RestoreMessage } from './restore-protocol';
import { restoreWorkerEntry } from './restore-worker-entry';

export interface OffMainReport {
  readonly engine: Engine;
  readonly snapshotSeq: number;
  readonly lastSeq: number;
  /** The final state hash, computed by the worker (hashing 100,000 positions on main would block it). */
  readonly hash: string;
  /** Wall time until the engine was ready on main, and the worker's own time. */
  readonly ms: number;
  readonly workerMs: number;
}

/** Longest piece of synchronous work main does before it lets other tasks run. */
const SLICE_MS = 12;

const nextTask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs a step generator in slices of about SLICE_MS, yielding to the event loop between them. */
export async function runSliced<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const end = performance.now() + SLICE_MS;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (performance.now() >= end) break;
    }
    await nextTask();
  }
}

/** The log's events after the snapshot, applied one by one (a crowd's opening in steps too), pausing every slice. */
function* replayTail(engine: Engine, repo: TradingLogRepo, from: number, to: number): Generator<void, void> {
  for (const { seq, event } of repo.events(from, to)) {
    const r = yield* engine.applySteps(event, 100);
    checkReplayed(engine, seq, event, r);
    yield;
  }
}

/**
 * Reopens the trading engine of a workspace without holding main's event loop (issue 10 item 7).
 * The worker (restore-worker.ts) reads, checks and parses the snapshot and sends it in slices;
 * main builds its engine from them with Engine.restoreSteps and replays the tail, a dozen
 * milliseconds at a time. The worker meanwhile restores the snapshot too, checks it serialises to
 * its hash and reports the final state hash; the promise settles when both are done (and rejects,
 * as a synchronous open throws, when the snapshot is damaged).
 */
export async function restoreOffMain(db: Db, dbPath: string, verify: boolean): Promise<OffMainReport> {
  const started = performance.now();
  const repo = new TradingLogRepo(db);
  const lastSeq = repo.lastSeq();
  const entry = restoreWorkerEntry();
  const worker = new Worker(entry.source, { eval: entry.eval });
  let head: Extract<RestoreMessage, { kind: 'head' }> | null = null;
  const accounts: AccountSnap[] = [];
  const entries: Array<LiquidationIndexData['entries'][number]> = [];
  const heapItems: Array<Array<[string, number]>> = [];
  let fail: (err: Error) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  failed.catch(() => undefined);
  let dataReady: () => void = () => undefined;
  const data = new Promise<void>((resolve) => (dataReady = resolve));
  let verifiedReady: (m: { hash: string; ms: number }) => void = () => undefined;
  const verified = new Promise<{ hash: string; ms: number }>((resolve) => (verifiedReady = resolve));
  let done = false;
  worker.on('message', (m: RestoreMessage) => {
    switch (m.kind) {
      case 'head':
        head = m;
        return;
      case 'accounts':
        for (const a of m.accounts) accounts.push(a);
        return;
      case 'entries':
        for (const e of m.entries) entries.push(e);
        return;
      case 'heapItems':
        for (const x of m.items) (heapItems[m.heap] ??= []).push(x as [string, number]);
        return;
      case 'data':
        dataReady();
        return;
      case 'verified':
        done = true;
        verifiedReady(m);
        return;
      case 'error':
        done = true;
        fail(new Error(m.message));
        return;
    }
  });
  worker.once('error', (err) => fail(err));
  worker.once('exit', (code) => {
    if (!done) fail(new Error(`the trading restore worker stopped (exit ${code})`));
  });
  try {
    worker.postMessage({ dbPath, toSeq: lastSeq, verify } satisfies RestoreJob);
    await Promise.race([data, failed]);
    const h = head as Extract<RestoreMessage, { kind: 'head' }> | null;
    let engine: Engine;
    if (h?.head) {
      const snapshot: EngineSnapshot = { ...h.head, accounts };
      const index: LiquidationIndexData | undefined = h.index
        ? { ...h.index, entries, heaps: h.index.heaps.map((x, i) => ({ ...x, heap: { ...x.heap, items: heapItems[i] ?? [] } })) }
        : undefined;
      engine = await runSliced(Engine.restoreSteps(snapshot, index ? { index } : {}, 250));
      // The plain copies (hundreds of MB for 100,000 traders) are garbage from here on.
      accounts.length = 0;
      entries.length = 0;
      heapItems.length = 0;
    } else {
      engine = new Engine();
    }
    const snapshotSeq = h?.snapshotSeq ?? 0;
    await runSliced(replayTail(engine, repo, snapshotSeq + 1, lastSeq));
    const check = await Promise.race([verified, failed]);
    return { engine, snapshotSeq, lastSeq, hash: check.hash, ms: performance.now() - started, workerMs: check.ms };
  } finally {
    void worker.terminate();
  }
}
