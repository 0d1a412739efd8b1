import { describe, expect, it } from 'vitest';
import { nextIdleTurn, nextTask, nextTurn, turnsWaiting } from '#main/app/turns';
import { runSliced } from '#main/app/run-sliced';

/** A job that spins `ms` of CPU per step and logs each step's start. */
function* busy(name: string, steps: number, ms: number, log: string[]): Generator<void, void> {
  for (let i = 0; i < steps; i++) {
    log.push(name);
    const end = performance.now() + ms;
    while (performance.now() < end);
    yield;
  }
}

describe('one slice per event-loop turn', () => {
  it('runs jobs that ask for turns in order, one per turn', async () => {
    const order: number[] = [];
    let iterations = 0;
    // setImmediate callbacks queued now run in the next check phase: one tick of this counter per loop iteration.
    const counter = (): void => {
      iterations += 1;
      if (iterations < 10) setImmediate(counter);
    };
    setImmediate(counter);
    const seenAt: number[] = [];
    await Promise.all([0, 1, 2].map((n) => new Promise<void>((resolve) => nextTurn(() => (order.push(n), seenAt.push(iterations), resolve())))));
    expect(order).toEqual([0, 1, 2]);
    // Three different loop iterations, not one check phase running all three.
    expect(new Set(seenAt).size).toBe(3);
    expect(turnsWaiting()).toBe(0);
  });

  it('lets a timer run between the slices of two sliced jobs (they no longer run back to back)', async () => {
    const log: string[] = [];
    const timer = setInterval(() => log.push('timer'), 1);
    try {
      // Each step is longer than a slice (12 ms): one step per slice.
      await Promise.all([runSliced(busy('a', 4, 14, log)), runSliced(busy('b', 4, 14, log))]);
    } finally {
      clearInterval(timer);
    }
    const work = log.filter((x) => x !== 'timer');
    expect(work.sort()).toEqual(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b']);
    // After the first slices, never two slices without the timer between them.
    const from = log.indexOf('timer');
    for (let i = from; i < log.length - 1; i++) if (log[i] !== 'timer') expect(log[i + 1]).toBe('timer');
  });

  it('a slice that waited for data starts in a later turn, not inside the task that delivered it', async () => {
    // Pieces a worker sent while main was busy arrive in one task, a microtask checkpoint after
    // each: the slice waiting for the first must not run before that task ends.
    const pieces = [0, 1, 2, 3].map(() => {
      let resolve: () => void = () => undefined;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    });
    const log: string[] = [];
    function* restore(): Generator<void | Promise<void>, void> {
      for (let i = 0; i < pieces.length; i++) {
        yield pieces[i]!.promise;
        log.push(`slice ${i}`);
      }
    }
    const done = runSliced(restore());
    await nextTask();
    await new Promise<void>((taskEnd) =>
      setTimeout(() => {
        for (let i = 0; i < pieces.length; i++) {
          pieces[i]!.resolve();
          log.push(`delivered ${i}`);
        }
        // The last microtask of the delivering task: every slice that ran inside it has logged.
        void Promise.resolve().then(() => Promise.resolve()).then(() => (log.push('task end'), taskEnd()));
      }, 0),
    );
    await done;
    expect(log.indexOf('slice 0')).toBeGreaterThan(log.indexOf('task end'));
    expect(log.filter((x) => x.startsWith('slice'))).toEqual(['slice 0', 'slice 1', 'slice 2', 'slice 3']);
  });

  it('an idle job gets a turn only when no other job waits for one, and then gets it', async () => {
    const order: string[] = [];
    const idle = new Promise<void>((resolve) => nextIdleTurn(() => (order.push('idle'), resolve())));
    // A job that keeps asking for turns (a sliced query): the idle one waits until it is done.
    const query = (async () => {
      for (let i = 0; i < 3; i++) {
        await new Promise<void>((resolve) => nextTurn(resolve));
        order.push(`query ${i}`);
      }
    })();
    await Promise.all([idle, query]);
    expect(order).toEqual(['query 0', 'query 1', 'query 2', 'idle']);
    expect(turnsWaiting()).toBe(0);
  });

  it('nextTask settles in a later turn', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    await nextTask();
    expect(ran).toBe(true);
  });
});
