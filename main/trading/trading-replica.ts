import type { Worker } from 'node:worker_threads';
import type { EngineEvent } from '#shared/domain/trading-commands';
import type { WorkerJob, WorkerMessage } from './trading-worker-protocol';

/**
 * Main's handle on the trading worker once it holds the engine (restoreOffMain): it is told every
 * event main applies and writes the snapshots, so main never serialises a big crowd. A replica
 * that failed (or was terminated) is simply gone: `alive` is false and the journal snapshots on
 * main again, as it does for workspaces that never had a replica.
 */
export class TradingReplica {
  private nextId = 1;
  private readonly waiting = new Map<number, (r: { written: boolean; ms: number }) => void>();
  private failed: string | null = null;
  private terminated = false;

  private readonly writingFlag: Int32Array;

  constructor(
    private readonly worker: Worker,
    writing: SharedArrayBuffer,
  ) {
    this.writingFlag = new Int32Array(writing);
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'snapshotted') {
        this.waiting.get(m.id)?.(m);
        this.waiting.delete(m.id);
      } else if (m.kind === 'error') this.fail(m.message);
    });
    worker.on('error', (err) => this.fail(err.message));
    worker.on('exit', () => this.fail('the trading worker stopped'));
    // A replica never keeps the process alive: at exit its last snapshot may be lost, never half written.
    worker.unref();
  }

  /**
   * Whether the worker holds the workspace's write lock right now (storing a snapshot of tens of
   * MB): a commit on main would wait for it, synchronously.
   */
  get writing(): boolean {
    return this.alive && Atomics.load(this.writingFlag, 0) === 1;
  }

  get alive(): boolean {
    return this.failed === null && !this.terminated;
  }

  private fail(message: string): void {
    if (this.failed !== null || this.terminated) return;
    this.failed = message;
    for (const done of this.waiting.values()) done({ written: false, ms: 0 });
    this.waiting.clear();
    console.warn(`Levdesk's trading replica stopped (snapshots are taken on main from now on): ${message}`);
    void this.worker.terminate();
  }

  private send(job: WorkerJob): void {
    if (this.alive) this.worker.postMessage(job);
  }

  /** Events main applied (and committed); `lastSeq`: main's sequence number after them. */
  apply(events: readonly EngineEvent[], lastSeq: number): void {
    if (events.length > 0) this.send({ kind: 'apply', events, lastSeq });
  }

  /** Main cut the log at `toSeq + 1`: the replica rebuilds from the workspace. */
  resync(toSeq: number): void {
    this.send({ kind: 'resync', toSeq });
  }

  /** Asks for a snapshot at `seq` (main's head, committed); settles when it is written or refused. */
  snapshot(seq: number, generation: number): Promise<{ written: boolean; ms: number }> {
    if (!this.alive) return Promise.resolve({ written: false, ms: 0 });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ kind: 'snapshot', id, seq, generation });
    });
  }

  /** Stops the worker now (a snapshot still being written is rolled back by SQLite, never half stored). */
  terminate(): Promise<void> {
    if (this.terminated) return Promise.resolve();
    this.terminated = true;
    for (const done of this.waiting.values()) done({ written: false, ms: 0 });
    this.waiting.clear();
    return this.worker.terminate().then(() => undefined);
  }

  /**
   * Lets the worker finish the snapshot it was last asked for (the close snapshot), then stops it;
   * main does not wait (the promise is for tests and the bench). If the process exits first, the
   * reopen replays the events after the previous snapshot instead: slower, never wrong.
   */
  finish(last: Promise<unknown> = Promise.resolve()): Promise<void> {
    return last.then(() => this.terminate());
  }
}
