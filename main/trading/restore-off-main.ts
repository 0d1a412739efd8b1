import { Worker } from 'node:worker_threads';
import { Engine } from '#main/engine/engine';
import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import type { AccountSnap, EngineSnapshot } from '#main/engine/state/snapshot';
import type { Db } from '../store/db-types';
import { TradingLogRepo } from '../store/trading-log-repo';
import type { EngineEvent } from '#shared/domain/trading-commands';
import type { Effect } from '#main/engine/effects';
import { replayOne } from './rebuild';
import { TradingReplica } from './trading-replica';
import type { WorkerJob, WorkerMessage } from './trading-worker-protocol';
import { tradingWorkerEntry } from './trading-worker-entry';

export interface OffMainReport {
  readonly engine: Engine;
  /** The event the state main received stands at (main replayed the log after it). */
  readonly snapshotSeq: number;
  readonly lastSeq: number;
  /** The final state hash, computed by the worker (hashing 100,000 positions on main would block it). */
  readonly hash: string;
  /** The effects of the events handed to the worker (`then`), one list per event. */
  readonly effects: ReadonlyArray<readonly Effect[]>;
  /** The worker, alive, as the engine's replica: the caller uses it (the journal) or terminates it. */
  readonly replica: TradingReplica;
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

/** The state's rows, parsed from the worker's buffer a JSON slice per step. */
function* parseSlices(m: Extract<WorkerMessage, { kind: 'state' }>): Generator<void, { accounts: AccountSnap[]; entries: LiquidationIndexData['entries'][number][]; heapItems: Array<Array<[string, number]>> }> {
  const accounts: AccountSnap[] = [];
  const entries: Array<LiquidationIndexData['entries'][number]> = [];
  const heapItems: Array<Array<[string, number]>> = [];
  const bytes = new Uint8Array(m.slices);
  const decoder = new TextDecoder();
  for (const p of m.parts) {
    const rows = JSON.parse(decoder.decode(bytes.subarray(p.from, p.to))) as unknown[];
    const into: unknown[] = p.rows === 'accounts' ? accounts : p.rows === 'entries' ? entries : (heapItems[p.heap] ??= []);
    for (const r of rows) into.push(r);
    yield;
  }
  return { accounts, entries, heapItems };
}

/** The log's events after the snapshot, applied one by one, pausing every slice. */
function* replayTail(engine: Engine, repo: TradingLogRepo, from: number, to: number): Generator<void, void> {
  for (const { seq, event } of repo.events(from, to)) {
    replayOne(engine, seq, event);
    yield;
  }
}

/**
 * Rebuilds the trading engine of a workspace without holding main's event loop (issue 10 item 7).
 * The worker (trading-worker.ts) reads, checks and parses the latest snapshot as of the log's last
 * event and sends it in slices; main builds its engine from them with Engine.restoreSteps and
 * replays the tail, a dozen milliseconds at a time, while the worker restores it too, checks it
 * serialises to its hash and reports the final state hash. With `then` (the tick that opens a big
 * crowd: crowd-open.ts) the worker applies those events after the log's last one and sends the
 * state after them; main adopts it (the caller logs the events with the effects reported here).
 * The promise settles when both are done, with the worker alive as the engine's replica (and
 * rejects, as a synchronous open throws, when the snapshot is damaged; the worker is then gone).
 */
export async function restoreOffMain(db: Db, dbPath: string, verify: boolean, then: readonly EngineEvent[] = []): Promise<OffMainReport> {
  const started = performance.now();
  const repo = new TradingLogRepo(db);
  const lastSeq = repo.lastSeq();
  const entry = tradingWorkerEntry();
  const worker = new Worker(entry.source, { eval: entry.eval });
  const writing = new SharedArrayBuffer(4);
  let head: Extract<WorkerMessage, { kind: 'state' }> | null = null;
  let effects: ReadonlyArray<readonly Effect[]> = [];
  let fail: (err: Error) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  failed.catch(() => undefined);
  let dataReady: () => void = () => undefined;
  const data = new Promise<void>((resolve) => (dataReady = resolve));
  let verifiedReady: (m: { hash: string; ms: number }) => void = () => undefined;
  const verified = new Promise<{ hash: string; ms: number }>((resolve) => (verifiedReady = resolve));
  let done = false;
  const onMessage = (m: WorkerMessage): void => {
    switch (m.kind) {
      case 'applied':
        effects = m.effects;
        return;
      case 'state':
        head = m;
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
      case 'snapshotted':
        return;
    }
  };
  const onError = (err: Error): void => fail(err);
  const onExit = (code: number): void => {
    if (!done) fail(new Error(`the trading worker stopped (exit ${code})`));
  };
  worker.on('message', onMessage);
  worker.once('error', onError);
  worker.once('exit', onExit);
  let ok = false;
  try {
    worker.postMessage({ kind: 'restore', dbPath, toSeq: lastSeq, verify, then, writing } satisfies WorkerJob);
    await Promise.race([data, failed]);
    const h = head as Extract<WorkerMessage, { kind: 'state' }> | null;
    let engine: Engine;
    if (h?.head) {
      const { accounts, entries, heapItems } = await runSliced(parseSlices(h));
      const snapshot: EngineSnapshot = { ...h.head, accounts };
      const index: LiquidationIndexData | undefined = h.index
        ? { ...h.index, entries, heaps: h.index.heaps.map((x, i) => ({ ...x, heap: { ...x.heap, items: heapItems[i] ?? [] } })) }
        : undefined;
      engine = await runSliced(Engine.restoreSteps(snapshot, index ? { index } : {}, 50));
    } else {
      engine = new Engine();
    }
    const snapshotSeq = h?.snapshotSeq ?? 0;
    await runSliced(replayTail(engine, repo, snapshotSeq + 1, lastSeq));
    const check = await Promise.race([verified, failed]);
    ok = true;
    return { engine, snapshotSeq, lastSeq, hash: check.hash, effects, replica: new TradingReplica(worker, writing), ms: performance.now() - started, workerMs: check.ms };
  } finally {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    if (!ok) void worker.terminate();
  }
}
