import { Worker } from 'node:worker_threads';
import type { JournalImportResult, JournalSummary } from '#shared/journal/journal-import';
import type { JournalFilter, JournalStats } from '#shared/journal/journal-stats';
import type { JournalTrip, TripAnnotation } from '#shared/journal/journal-trip';
import { ImportProblemError } from '../market/import/problem';
import type { Db } from '../store/db-types';
import { JournalImportRefused } from './import/import-journal';
import { JournalCore, type JournalImportOptions, type JournalOptions, type JournalTripDetail } from './journal-core';
import type { TripSort } from './stats/trip-sort';
import type { JournalOp, JournalReply, JournalRequest, JournalWorkerData } from './worker/journal-protocol';
import { journalWorkerEntry, type WorkerEntry } from './worker/journal-worker-entry';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export interface JournalServiceOptions {
  /** The workspace file, for the worker's own connections (null: an in-memory database, no worker). */
  readonly dbPath: string | null;
  /** Where the worker comes from; default: the bundle beside main, else none (run on this thread). */
  readonly entry?: WorkerEntry | null;
}

/**
 * The Journal view's service. With a worker bundle present (the app, the web host) every call
 * goes to the journal worker thread, which owns the book; main only forwards, so it never blocks
 * on a rebuild or a statistics pass. Without one (vitest, the CLI) the same JournalCore runs on
 * this thread: same code, same answers.
 */
export class JournalService {
  private readonly inline: JournalCore | null = null;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly entry: WorkerEntry | null;

  constructor(
    db: Db,
    private readonly config: JournalServiceOptions = { dbPath: null },
  ) {
    this.entry = config.dbPath && config.dbPath !== ':memory:' ? (config.entry === undefined ? journalWorkerEntry() : config.entry) : null;
    if (!this.entry) this.inline = new JournalCore(db);
  }

  /** True when calls run on the journal worker thread. */
  get offMain(): boolean {
    return this.entry !== null;
  }

  private call<K extends JournalOp>(op: K, ...args: Parameters<JournalCore[K]>): Promise<ReturnType<JournalCore[K]>> {
    if (this.inline) {
      const core = this.inline;
      return Promise.resolve().then(() => (core[op] as (...a: unknown[]) => ReturnType<JournalCore[K]>).apply(core, args));
    }
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, op, args } satisfies JournalRequest<K>);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const entry = this.entry!;
    const w = new Worker(entry.source, { eval: entry.eval, workerData: { dbPath: this.config.dbPath! } satisfies JournalWorkerData });
    // An idle journal must not keep a CLI or a test process alive.
    w.unref();
    w.on('message', (reply: JournalReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) w.unref();
      if (reply.ok) p.resolve(reply.value);
      else if (reply.refused) p.reject(new JournalImportRefused(new ImportProblemError(reply.refused.problem), reply.refused.files));
      else p.reject(new Error(reply.message));
    });
    const fail = (err: Error) => {
      this.worker = null;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the journal worker stopped (exit ${code})`)));
    this.worker = w;
    return w;
  }

  private busy<T>(p: Promise<T>): Promise<T> {
    this.worker?.ref();
    return p;
  }

  import(paths: readonly string[], options: JournalImportOptions): Promise<JournalImportResult> {
    return this.busy(this.call('import', paths, options));
  }

  trips(filter: JournalFilter, offset: number, limit: number, sort: TripSort | null): Promise<{ total: number; rows: JournalTrip[] }> {
    return this.busy(this.call('trips', filter, offset, limit, sort));
  }

  trip(id: string): Promise<JournalTripDetail | null> {
    return this.busy(this.call('trip', id));
  }

  stats(filter: JournalFilter, convertTo?: string): Promise<JournalStats> {
    return this.busy(this.call('stats', filter, convertTo));
  }

  summary(account: string | null, convertTo?: string): Promise<JournalSummary> {
    return this.busy(this.call('summary', account, convertTo));
  }

  options(): Promise<JournalOptions> {
    return this.busy(this.call('options'));
  }

  annotate(id: string, annotation: TripAnnotation): Promise<JournalTrip | null> {
    return this.busy(this.call('annotate', id, annotation, Date.now()));
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}
