import { SteppedEvent, type Deferral } from './stepped-event';

type Work = Deferral<unknown>;

/**
 * The trading service's one piece of work that leaves its engine unusable for a while (an event
 * or a snapshot done in slices, a rewind rebuilt off main: stepped-event.ts), and the calls that
 * wait behind it, in order: market events, seeks and loads of the same scenario, the heatmap
 * recorder's reads. Meanwhile queries see a stand-in engine and trading calls wait (settled()).
 */
export class WorkQueue {
  private current: Work | null = null;
  /** What runs after a stepped event; close() runs it when it finishes the event itself. */
  private then: (() => void) | null = null;

  get busy(): boolean {
    return this.current !== null;
  }

  /**
   * True while the calls that waited behind a finished work run: they run in the same task as
   * its last slice, so a market event among them takes no slice of its own at once
   * (market-events.ts) or the two slices held main back to back.
   */
  get draining(): boolean {
    return this.drainingNow;
  }

  private drainingNow = false;

  /** Runs `fn` now, or once the work in progress (and any work started after it) is done. */
  afterWork(fn: () => void): void {
    if (this.current) this.current.defer(fn);
    else fn();
  }

  /** Settles once no work is in progress (at once when none is). */
  async settled(): Promise<void> {
    while (this.current) await this.current.done.catch(() => null);
  }

  /**
   * Starts `work` (none may be in progress). When it ends, unless it was cancelled or the queue
   * closed: `finished` with its result, then what waited, in order; `failed` if it threw (what
   * waited is then dropped: the engine is unusable). `then` is the stepped event's sequel.
   */
  start<T>(work: Deferral<T>, finished: (r: T) => void, failed: (err: Error) => void, then?: () => void): void {
    if (this.current) throw new Error('trading work started while other work is in progress');
    this.current = work;
    this.then = then ?? null;
    work.done.then(
      (r) => {
        if (this.current !== work || r === null) return;
        this.current = null;
        finished(r);
        this.drainingNow = true;
        try {
          for (const fn of work.takeDeferred()) this.afterWork(fn);
        } finally {
          this.drainingNow = false;
        }
      },
      (err: Error) => {
        if (this.current !== work) return;
        this.current = null;
        failed(err);
      },
    );
  }

  /** Abandons the work in progress and what waits behind it (a new session replaces the engine). */
  cancel(): void {
    this.current?.cancel();
    this.current = null;
  }

  /**
   * Closing: a stepped event is finished at once (the log must not end mid-event) and its sequel
   * run. True when the engine is stale: a rewind's rebuild was in flight (the log is already cut
   * and whole, the engine still the old one).
   */
  close(): boolean {
    const work = this.current;
    this.current = null;
    if (work instanceof SteppedEvent) {
      work.finishNow();
      this.then?.();
      return false;
    }
    return work !== null;
  }
}
