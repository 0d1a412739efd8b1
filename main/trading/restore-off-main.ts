import { Worker } from 'node:worker_threads';
import { Engine } from '#main/engine/engine';
import type { LiquidationIndexData, LiquidationIndexSource } from '#main/engine/index/liquidation-index';
import { restoreStateSteps, type EngineSnapshotSource } from '#main/engine/state/snapshot';
import type { Db } from '../store/db-types';
import { TradingLogRepo } from '../store/trading-log-repo';
import { checkReplayed } from './rebuild';
import type { RestoreJob, RestoreMessage } from './restore-protocol';
import { restoreWorkerEntry } from './restore-worker-entry';
import { ArrivingPieces } from './arriving-pieces';
import { MainPieceCheck } from './main-piece-check';
import { runSliced } from '../app/run-sliced';

export interface OffMainReport {
  readonly engine: Engine;
  readonly snapshotSeq: number;
  readonly lastSeq: number;
  /** The final state hash, computed by the worker (hashing 100,000 positions on main would block it). */
  readonly hash: string;
  /** Wall time until the engine was ready on main (its check included), and the worker's own time. */
  readonly ms: number;
  /** Wall time until main had built the engine and replayed the tail, before waiting for the worker's check. */
  readonly restoredMs: number;
  readonly workerMs: number;
}

/**
 * Main checks every 6th account piece of a snapshot at the head, the worker the rest
 * (main-piece-check.ts): a sixth moved from the worker's check to main's brings their ends
 * at 100,000 traders on two cores.
 */
export const MAIN_CHECKS = 6;

/** The log's events after the snapshot, applied one by one (a crowd's opening in steps too), pausing every slice. */
function* replayTail(engine: Engine, repo: TradingLogRepo, from: number, to: number): Generator<void, void> {
  for (const { seq, event } of repo.events(from, to)) {
    const r = yield* engine.applySteps(event, 100);
    checkReplayed(engine, seq, event, r);
    yield;
  }
}

/**
 * A restore worker thread, started before its job: createAppAsync boots it (its bundle and SQLite,
 * ~0.2 s on the other core) while the workspace's pages are checked, and the reopen gives it its
 * job. What ends the thread before or during the job is kept, so a reopen that starts after an
 * early failure still hears of it.
 */
export class RestoreWorker {
  readonly worker: Worker;
  /** Why the thread ended (an error, or its exit), once it has. */
  readonly ended: Promise<Error>;

  constructor() {
    const entry = restoreWorkerEntry();
    this.worker = new Worker(entry.source, { eval: entry.eval });
    this.ended = new Promise((resolve) => {
      this.worker.once('error', (err) => resolve(err));
      this.worker.once('exit', (code) => resolve(new Error(`the trading restore worker stopped (exit ${code})`)));
    });
  }

  terminate(): void {
    void this.worker.terminate();
  }
}

/**
 * Reopens the trading engine of a workspace without holding main's event loop (issue 10 item 7).
 * The worker (restore-worker.ts) reads, checks and parses the snapshot and sends it in slices;
 * main restores the accounts as soon as they are there (while the worker parses and sends the
 * liquidation index), builds its engine's indexes (Engine.fromStateSteps) and replays the tail, a
 * dozen milliseconds at a time. The worker meanwhile checks that the snapshot restores to its own
 * text (main checks every `mainChecks`-th account piece of one at the head from the accounts it
 * restored: main-piece-check.ts) and reports the final state hash; the promise settles when both
 * are done (and rejects, as a synchronous open throws, when the snapshot is damaged).
 */
export async function restoreOffMain(db: Db, dbPath: string, verify: boolean, thread: RestoreWorker = new RestoreWorker(), mainChecks = MAIN_CHECKS): Promise<OffMainReport> {
  const started = performance.now();
  const repo = new TradingLogRepo(db);
  const lastSeq = repo.lastSeq();
  const worker = thread.worker;
  let head: Extract<RestoreMessage, { kind: 'head' }> | null = null;
  let indexHead: Extract<RestoreMessage, { kind: 'index' }>['index'] = null;
  let headReady: () => void = () => undefined;
  const headIn = new Promise<void>((resolve) => (headReady = resolve));
  const pieces = new ArrivingPieces();
  let fail: (err: Error) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  failed.catch(() => undefined);
  let verifiedReady: (m: { hash: string; ms: number }) => void = () => undefined;
  const verified = new Promise<{ hash: string; ms: number }>((resolve) => (verifiedReady = resolve));
  let done = false;
  worker.on('message', (m: RestoreMessage) => {
    switch (m.kind) {
      case 'head':
        head = m;
        // Before any piece: the restore reads none until the head is in.
        pieces.check = m.mainChecks > 0 ? new MainPieceCheck(m.mainChecks) : null;
        headReady();
        return;
      case 'accountsEnd':
        pieces.endAccounts();
        return;
      case 'index':
        indexHead = m.index;
        return;
      case 'accounts':
      case 'entries':
      case 'heapItems':
        pieces.arrive(m);
        return;
      case 'data':
        pieces.end();
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
  void thread.ended.then((err) => {
    if (!done) fail(err);
  });
  try {
    worker.postMessage({ dbPath, toSeq: lastSeq, verify, mainChecks: verify ? mainChecks : 0 } satisfies RestoreJob);
    await Promise.race([headIn, failed]);
    const h = head as Extract<RestoreMessage, { kind: 'head' }> | null;
    let engine: Engine;
    try {
      if (h?.head) {
        // Restored as the pieces arrive, each parsed when the restore reaches it (arriving-pieces.ts).
        const snapshot: EngineSnapshotSource = { ...h.head, accounts: pieces.accounts() };
        const state = await Promise.race([runSliced(restoreStateSteps(snapshot, 250)), failed]);
        const check = pieces.check;
        if (check) await Promise.race([runSliced(check.steps(state.accounts, h.snapshotSeq)), failed]);
        await Promise.race([pieces.arrived(), failed]);
        const x = indexHead as LiquidationIndexData | null;
        const index: LiquidationIndexSource | undefined = x
          ? { ...x, entries: pieces.entries(), heaps: x.heaps.map((y, i) => ({ ...y, heap: { offset: y.heap.offset, items: pieces.heapItems(i) } })) }
          : undefined;
        engine = await runSliced(Engine.fromStateSteps(state, index ? { index } : {}, 250));
        pieces.clear();
      } else {
        await Promise.race([pieces.arrived(), failed]);
        engine = new Engine();
      }
    } catch (err) {
      // The accounts arrive before the worker has checked the body's hash: a damaged snapshot can
      // break this restore first, and the worker's verdict then names the damage.
      throw (await Promise.race([verified.then(() => null), failed.then(() => null, (e: unknown) => e)])) ?? err;
    }
    const snapshotSeq = h?.snapshotSeq ?? 0;
    await runSliced(replayTail(engine, repo, snapshotSeq + 1, lastSeq));
    const restoredMs = performance.now() - started;
    const check = await Promise.race([verified, failed]);
    return { engine, snapshotSeq, lastSeq, hash: check.hash, ms: performance.now() - started, restoredMs, workerMs: check.ms };
  } finally {
    thread.terminate();
  }
}
