import { describe, expect, it } from 'vitest';
import { SteppedEvent } from '#main/trading/stepped-event';
import { WorkQueue } from '#main/trading/work-queue';

function* steps(n: number): Generator<void, string> {
  for (let i = 0; i < n; i++) yield;
  return 'done';
}

describe('WorkQueue', () => {
  it('runs what waited, in order, after the work, telling it that it runs in the work\'s last task', async () => {
    const q = new WorkQueue();
    const seen: string[] = [];
    const work = new SteppedEvent(steps(3));
    q.start(work, (r) => seen.push(`finished ${r}`), (err) => seen.push(`failed ${err.message}`));
    expect(q.busy).toBe(true);
    q.afterWork(() => seen.push(`first draining=${q.draining}`));
    q.afterWork(() => seen.push(`second draining=${q.draining}`));
    expect(seen).toEqual([]);
    await q.settled();
    await work.done;
    await Promise.resolve();
    expect(seen).toEqual(['finished done', 'first draining=true', 'second draining=true']);
    expect(q.busy).toBe(false);
    expect(q.draining).toBe(false);
    // With no work in progress a call runs at once, and not as a drained one.
    q.afterWork(() => seen.push(`now draining=${q.draining}`));
    expect(seen.at(-1)).toBe('now draining=false');
  });
});
