import { nextTask } from './turns';

export { nextTask };

/** Main's work in slices: the longest piece it does before other tasks (the UI's IPC, timers) run. */
export const SLICE_MS = 12;

/**
 * Runs a step generator in slices of about SLICE_MS, yielding to the event loop between them. A
 * step that yields a promise (data still on its way: snapshot.ts RowsPending) ends its slice, and
 * the next starts once the promise settles.
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
    await (waiting ?? nextTask());
  }
}

