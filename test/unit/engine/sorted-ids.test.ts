import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedAccountIds } from '#main/engine/state/sorted-ids';

describe('sortedAccountIds', () => {
  it('is the ids sorted as sort() sorts them, after any sequence of additions', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 6 }), { maxLength: 40 }), { maxLength: 8 }), (batches) => {
        const accounts = new Map<string, number>();
        for (const batch of batches) {
          for (const id of batch) accounts.set(id, 0);
          expect(sortedAccountIds(accounts)).toEqual([...accounts.keys()].sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hands back the same array while no account was added', () => {
    const accounts = new Map([['c:2', 0], ['c:10', 0], ['me', 0]]);
    const first = sortedAccountIds(accounts);
    expect(first).toEqual(['c:10', 'c:2', 'me']);
    expect(sortedAccountIds(accounts)).toBe(first);
    accounts.set('c:1', 0);
    expect(sortedAccountIds(accounts)).toEqual(['c:1', 'c:10', 'c:2', 'me']);
  });
});
