/** Main's work in slices: the longest piece it does before other tasks (the UI's IPC, timers) run. */
export const SLICE_MS = 12;

export const nextTask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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

