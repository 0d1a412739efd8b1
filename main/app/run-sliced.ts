import { nextTask } from './turns';

export { nextTask };

/** Main's work in slices: the longest piece it does before other tasks (the UI's IPC, timers) run. */
export const SLICE_MS = 12;

/**
 * Runs a step generator in slices of about SLICE_MS, yielding to the event loop between them. A
 * step that yields a promise (data still on its way: snapshot.ts RowsPending) ends its slice, and
 * the next starts in the event loop's next turn after the promise settles.
 */
export async function runSliced<T>(steps: Generator<void | Promise<void>, T>): Promise<T> {
  for (;;) {
    const end = performance.now() + SLICE_MS;
    let waiting: Promise<void> | undefined;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (r.value) {
        waiting = r.value;
        break;
      }
      if (performance.now() >= end) break;
    }
    // Data awaited: its arrival settles the promise inside the task that delivered it (a worker's
    // message), and the next slice must not run there too. Messages queued while main was busy are
    // delivered in one go, one microtask checkpoint each: a restore that caught up with its pieces
    // then ran a slice per message inside that one task, 300-550 ms in one reopen out of fifteen.
    if (waiting) await waiting;
    await nextTask();
  }
}

