import { describe, expect, it } from 'vitest';
import { ReadQueue } from '#main/analytics/heatmap/read-queue';

const drain = (q: ReadQueue): string[] => {
  const out: string[] = [];
  for (let id = q.next(); id !== undefined; id = q.next()) out.push(id);
  return out;
};

/** The heatmap recorder's queue of accounts to read (a funding settlement sweeps the whole market lazily). */
describe('the heatmap read queue', () => {
  it('hands out single accounts first, oldest first, then sweeps the market skipping the liquidity account', () => {
    const q = new ReadQueue();
    const positions = new Map([['a', 1], ['liq', 2], ['b', 3]]);
    q.add('x');
    q.addAll(positions, 'liq');
    q.add('y');
    q.add('x'); // already queued: keeps its place
    expect(q.empty).toBe(false);
    expect(q.size).toBe(5);
    expect(drain(q)).toEqual(['x', 'y', 'a', 'b']);
    expect(q.empty).toBe(true);
    expect(q.size).toBe(0);
  });

  it('walks the live map: positions opened during the sweep are reached, closed ones are not', () => {
    const q = new ReadQueue();
    const positions = new Map([['a', 1], ['b', 2], ['c', 3]]);
    q.addAll(positions, 'liq');
    expect(q.next()).toBe('a');
    positions.delete('b');
    positions.set('d', 4);
    expect(drain(q)).toEqual(['c', 'd']);
  });

  it('restarts a sweep in progress from the beginning when asked for another, and forgets everything on clear', () => {
    const q = new ReadQueue();
    const positions = new Map([['a', 1], ['b', 2]]);
    q.addAll(positions, 'liq');
    expect(q.next()).toBe('a');
    q.addAll(positions, 'liq');
    expect(drain(q)).toEqual(['a', 'b']);
    q.add('z');
    q.addAll(positions, 'liq');
    q.clear();
    expect(q.empty).toBe(true);
    expect(q.next()).toBeUndefined();
  });

  it('deletes a single account (read out of turn) without touching the sweep', () => {
    const q = new ReadQueue();
    q.add('me');
    q.addAll(new Map([['me', 1], ['c1', 2]]), 'liq');
    q.delete('me');
    // The sweep still reaches it: reading twice is harmless (segments that did not change stay).
    expect(drain(q)).toEqual(['me', 'c1']);
  });
});
