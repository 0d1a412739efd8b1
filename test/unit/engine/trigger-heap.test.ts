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

  it('exports in steps (a snapshot on main) the same data as at once, pausing every `every` items', () => {
    const h = new TriggerHeap('desc');
    for (let i = 0; i < 20; i++) h.set(`q${i}`, 100 - i);
    h.remove('q3');
    h.shiftAll(-1.5);
    const steps = h.exportDataSteps(4);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses += 1;
    expect(pauses).toBe(4); // 19 items: a pause after the 4th, 8th, 12th and 16th
    expect(r.value).toEqual(h.exportData());
    expect(r.value.items).toHaveLength(19);
  });

  it('imports in steps (a reopen on main) the same heap as at once, from items read once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 1000 })), { maxLength: 200 }), fc.integer({ min: 1, max: 7 }), (sets, every) => {
        const source = new TriggerHeap('asc');
        for (const [id, key] of sets) source.set(`p${id}`, key);
        source.shiftAll(2.5);
        const data = source.exportData();
        const atOnce = new TriggerHeap('asc');
        atOnce.importData(data);
        const stepped = new TriggerHeap('asc');
        // A generator, as the restore worker's pieces are: it can be read only once.
        const items = (function* () {
          yield* data.items;
        })();
        const steps = stepped.importDataSteps({ offset: data.offset, items }, every);
        let pauses = 0;
        while (!steps.next().done) pauses += 1;
        expect(pauses).toBeGreaterThanOrEqual(Math.floor(data.items.length / every));
        expect(stepped.ids()).toEqual(atOnce.ids());
        expect(stepped.ids()).toEqual(source.ids());
        expect(stepped.peek()?.key).toBe(source.peek()?.key);
      }),
    );
  });
});
