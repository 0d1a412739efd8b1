import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TriggerHeap } from '#main/engine/index/trigger-heap';

describe('TriggerHeap', () => {
  it('nominates, in trigger order, exactly the keys a falling price has reached (desc)', () => {
    const h = new TriggerHeap('desc');
    h.set('a', 100);
    h.set('b', 105);
    h.set('c', 95);
    h.set('d', 105);
    expect(h.candidates(101)).toEqual(['b', 'd']);
    expect(h.candidates(94)).toEqual(['b', 'd', 'a', 'c']);
    expect(h.candidates(106)).toEqual([]);
  });

  it('nominates keys a rising price has reached (asc), and forgets removed or replaced ids', () => {
    const h = new TriggerHeap('asc');
    h.set('x', 10);
    h.set('y', 12);
    h.set('z', 11);
    h.remove('z');
    h.set('x', 13);
    expect(h.candidates(12)).toEqual(['y']);
    expect(h.peek()).toEqual({ id: 'y', key: 12 });
    expect(h.size).toBe(2);
  });

  it('matches a sorted list under random inserts, updates and removals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('set', 'remove'), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 1000 })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 1000 }),
        (ops, price) => {
          const h = new TriggerHeap('desc');
          const model = new Map<string, number>();
          for (const [op, id, key] of ops) {
            if (op === 'set') {
              h.set(`p${id}`, key);
              model.set(`p${id}`, key);
            } else {
              h.remove(`p${id}`);
              model.delete(`p${id}`);
            }
          }
          const expected = [...model.entries()].filter(([, k]) => price <= k).map(([id]) => id).sort();
          expect([...h.candidates(price)].sort()).toEqual(expected);
          expect(h.size).toBe(model.size);
          const top = h.peek();
          const max = Math.max(...model.values());
          if (model.size === 0) expect(top).toBeUndefined();
          else expect(top?.key).toBe(max);
        },
      ),
    );
  });
});
