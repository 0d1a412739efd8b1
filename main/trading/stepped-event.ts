import type { ApplyResult } from '#main/engine/effects';
import type { OffMainReport } from './restore-off-main';
import { nextTask, runSliced } from '../app/run-sliced';

/**
 * Work that leaves the engine unusable for a while without holding main's event loop (issue 10
 * item 7): a big crowd's opening applied in slices (SteppedEvent), or a rewind's rebuild off main
 * (PendingRebuild). Meanwhile the service defers every other market event, rewind and load to the
 * end (in order: the log and the state come out exactly as if the work had been done at once),
 * shows a stand-in engine to queries and makes trading calls wait.
 */
export abstract class Deferral<T> {
  private readonly deferred: Array<() => void> = [];
  protected cancelled = false;
  /** The work's result; null when it was cancelled (a new session replaced the engine). */
  abstract readonly done: Promise<T | null>;

  /** Runs `fn` after the work (or drops it, if the work is cancelled). */
  defer(fn: () => void): void {
    this.deferred.push(fn);
  }

  /** What was deferred, in order, handed over once. */
  takeDeferred(): Array<() => void> {
    return this.deferred.splice(0);
  }

  /** Abandons the work: its engine is about to be replaced, so its state does not matter. */
  cancel(): void {
    this.cancelled = true;
    this.deferred.length = 0;
  }
}

/**
 * One heavy market event (the draws or the first tick of a 100,000-trader crowd, a funding
 * settlement or a cascade over it) applied in slices on main; or a big state's periodic
 * snapshot written in slices (T = void).
 */
export class SteppedEvent<T = ApplyResult> extends Deferral<T> {
  readonly done: Promise<T | null>;
  private readonly guarded: Generator<void, T | null>;

  constructor(steps: Generator<void, T>) {
    super();
    this.guarded = guard(steps, () => this.cancelled);
    // The caller has just spent a slice on it (market-events.ts): the next one waits for a task
    // of its own, or the two held main ~25 ms together beside whatever else that task ran.
    this.done = nextTask().then(() => runSliced(this.guarded));
  }

  /** Applies the rest synchronously (closing the workspace: the log must not end mid-event). */
  finishNow(): void {
    while (!this.guarded.next().done);
  }
}

/** A rewind's engine, rebuilt off main (restoreOffMain) from the log already cut at the rewind. */
export class PendingRebuild extends Deferral<OffMainReport> {
  readonly done: Promise<OffMainReport | null>;

  constructor(rebuilt: Promise<OffMainReport>) {
    super();
    this.done = rebuilt.then((r) => (this.cancelled ? null : r));
  }
}

function* guard<T>(steps: Generator<void, T>, cancelled: () => boolean): Generator<void, T | null> {
  for (;;) {
    if (cancelled()) return null;
    const r = steps.next();
    if (r.done) return r.value;
    yield;
  }
}
