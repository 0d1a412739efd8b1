/**
 * One slice of main's background work per event-loop turn, whoever asks.
 *
 * Every sliced job on main (the engine's stepped events, the Market tab's orderings, the heatmap's
 * recorder and grids, paged range reads) pauses by asking for the next turn. With setImmediate
 * each, k jobs running at once queued k callbacks for the same check phase, which Node runs back
 * to back: three 12 ms slices and a collection held the loop 60-70 ms while a 100,000-trader crowd
 * opened (issue 10 item 7). Here the jobs wait in one queue and a single setImmediate hands out
 * one turn per loop iteration, so timers, IPC and sockets run between any two slices.
 */
const waiting: Array<() => void> = [];
/** Jobs nobody waits on (the heatmap recorder's reads): a turn only when no other job wants one. */
const background: Array<() => void> = [];
let scheduled = false;

function handOut(): void {
  const next = waiting.length > 0 ? waiting.shift() : background.shift();
  // Queued before `next` runs: anything it queues waits for a later iteration.
  if (waiting.length > 0 || background.length > 0) setImmediate(handOut);
  else scheduled = false;
  next?.();
}

function wake(): void {
  if (!scheduled) {
    scheduled = true;
    setImmediate(handOut);
  }
}

/** Runs `fn` in a later event-loop turn, after the jobs that asked before it (one job per turn). */
export function nextTurn(fn: () => void): void {
  waiting.push(fn);
  wake();
}

/**
 * nextTurn for work no answer waits on: it gets a turn only when no nextTurn job is waiting. Right
 * after a 100,000-trader pick the recorder's first read of every account (~0.2 s of slices) took
 * every other turn from the Market tab's first page, which the trader waits for.
 */
export function nextIdleTurn(fn: () => void): void {
  background.push(fn);
  wake();
}

/** nextTurn as a promise: `await nextTask()` between two slices. */
export const nextTask = (): Promise<void> => new Promise((resolve) => nextTurn(resolve));

/** Jobs waiting for a turn (for tests). */
export const turnsWaiting = (): number => waiting.length + background.length;
