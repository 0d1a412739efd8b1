import type { ApplyResult } from '#main/engine/effects';
import { runSliced } from './restore-off-main';

/**
 * One heavy market event (the tick that opens a 100,000-trader crowd) applied in slices on
 * main's thread (issue 10 item 7): between slices the event loop answers the UI. Meanwhile the
 * engine is mid-event, so the service defers every other market event, rewind and load to the
 * end (in order: the log and the state come out exactly as if it had been applied at once),
 * shows a stand-in engine to queries and refuses commands.
 */
export class SteppedEvent {
  private readonly deferred: Array<() => void> = [];
  private cancelled = false;
  /** The event's result; null when it was cancelled (a new session replaced the engine). */
  readonly done: Promise<ApplyResult | null>;
  private readonly guarded: Generator<void, ApplyResult | null>;

  constructor(steps: Generator<void, ApplyResult>) {
    this.guarded = guard(steps, () => this.cancelled);
    this.done = runSliced(this.guarded);
  }

  /** Runs `fn` after the event (or drops it, if the event is cancelled). */
  defer(fn: () => void): void {
    this.deferred.push(fn);
  }

  /** What was deferred, in order, handed over once. */
  takeDeferred(): Array<() => void> {
    return this.deferred.splice(0);
  }

  /** Abandons the event mid-way: its engine is about to be replaced, so its state does not matter. */
  cancel(): void {
    this.cancelled = true;
    this.deferred.length = 0;
  }

  /** Applies the rest synchronously (closing the workspace: the log must not end mid-event). */
  finishNow(): void {
    while (!this.guarded.next().done);
  }
}

function* guard(steps: Generator<void, ApplyResult>, cancelled: () => boolean): Generator<void, ApplyResult | null> {
  for (;;) {
    if (cancelled()) return null;
    const r = steps.next();
    if (r.done) return r.value;
    yield;
  }
}
