import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmallMap } from '#main/engine/model/small-map';

/** What a program can do to a map: the operations the engine uses, and a loop that adds inside it. */
type Op =
  | { readonly k: 'set'; readonly key: number; readonly value: string }
  | { readonly k: 'delete'; readonly key: number }
  | { readonly k: 'clear' }
  | { readonly k: 'addWhileIterating'; readonly key: number; readonly value: string }
  | { readonly k: 'deleteWhileIterating' };

const Key = fc.integer({ min: 0, max: 4 });
const OpArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('set' as const), key: Key, value: fc.string({ maxLength: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('delete' as const), key: Key }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('clear' as const) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('addWhileIterating' as const), key: Key, value: fc.string({ maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('deleteWhileIterating' as const) }) },
);

/** Runs an op and returns what a caller could observe of it (visited entries, return values). */
function run(m: Map<number, string>, op: Op): unknown {
  switch (op.k) {
    case 'set':
      return m.set(op.key, op.value) === m;
    case 'delete':
      return m.delete(op.key);
    case 'clear':
      m.clear();
      return null;
    case 'addWhileIterating': {
      // The first visit adds a key (as a fill can create an order while orders are read).
      const seen: Array<[number, string]> = [];
      let added = false;
      for (const e of m) {
        seen.push(e);
        if (!added) {
          m.set(op.key, op.value);
          added = true;
        }
      }
      return seen;
    }
    case 'deleteWhileIterating': {
      // Each visit deletes what it visits (as cancelling every order of an account does).
      const seen: number[] = [];
      for (const k of m.keys()) {
        seen.push(k);
        m.delete(k);
      }
      return seen;
    }
  }
}

const observe = (m: Map<number, string>) => ({
  size: m.size,
  entries: [...m.entries()],
  keys: [...m.keys()],
  values: [...m.values()],
  got: [0, 1, 2, 3, 4].map((k) => [m.has(k), m.get(k)]),
  each: (() => {
    const out: Array<[number, string]> = [];
    m.forEach((v, k, self) => {
      expect(self).toBe(m);
      out.push([k, v]);
    });
    return out;
  })(),
});

describe('SmallMap', () => {
  it('behaves as a Map under every sequence of the engine operations', () => {
    fc.assert(
      fc.property(fc.array(OpArb, { maxLength: 30 }), (ops) => {
        const real = new Map<number, string>();
        const small = new SmallMap<number, string>();
        for (const op of ops) {
          expect(run(small, op)).toEqual(run(real, op));
          expect(observe(small)).toEqual(observe(real));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('starts from entries in their order and copies into a Map as one', () => {
    const small = new SmallMap<string, number>([['b', 2], ['a', 1], ['b', 3]]);
    expect([...small]).toEqual([['b', 3], ['a', 1]]);
    expect([...new Map(small)]).toEqual([['b', 3], ['a', 1]]);
    expect(Object.prototype.toString.call(small)).toBe('[object Map]');
  });
});
