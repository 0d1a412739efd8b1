import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { IdRanks } from '#main/engine/queries/id-ranks';

/** Ranks must order ids as `<` does: the rank of each id is its place among all ids numbered so far. */
function byString(ids: readonly string[]): number[] {
  const sorted = [...new Set(ids)].sort();
  return ids.map((id) => sorted.indexOf(id));
}
const relative = (ranks: Float64Array): number[] => {
  const sorted = [...ranks].sort((a, b) => a - b);
  return [...ranks].map((r) => sorted.indexOf(r));
};
const idList = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 80 });

describe('account id ranks numbered in steps (the first Market page of a session)', () => {
  it('order the ids as string comparison does, numbered in steps or at once, with calls in between', () => {
    fc.assert(
      fc.property(idList, idList, fc.integer({ min: 1, max: 9 }), fc.boolean(), (first, later, every, interleave) => {
        const ranks = new IdRanks();
        const steps = ranks.numberSteps(first, every);
        let pauses = 0;
        while (!steps.next().done) {
          pauses += 1;
          // A page asked for meanwhile numbers what it needs at once, and sees a whole numbering.
          if (interleave && pauses === 2) expect(relative(ranks.ranksOf(later))).toEqual(byString(later));
        }
        expect(relative(ranks.ranksOf(first))).toEqual(byString(first));
        const all = [...new Set([...first, ...later])];
        expect(relative(ranks.ranksOf(all))).toEqual(byString(all));
      }),
    );
  });

  it('pauses while numbering, and numbers nothing twice', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `c:${i}`);
    const ranks = new IdRanks();
    const steps = ranks.numberSteps(ids, 100);
    let pauses = 0;
    while (!steps.next().done) pauses += 1;
    expect(pauses).toBeGreaterThanOrEqual(20);
    const again = ranks.numberSteps(ids, 100);
    let more = 0;
    while (!again.next().done) more += 1;
    // Only the walk over the ids already numbered: nothing to sort or number.
    expect(more).toBe(10);
    expect(relative(ranks.ranksOf(ids))).toEqual(byString(ids));
  });

  it('an id order prepared in steps is orderById\'s for the same key, and is given up if the numbering changes meanwhile', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `c:${(i * 7919) % 500}`);
    const ranks = new IdRanks();
    const numbering = ranks.numberSteps(ids, 64);
    while (!numbering.next().done);
    const prepared = ranks.orderByIdSteps('k1', ids, 64);
    while (!prepared.next().done);
    const lookups = vi.spyOn(ranks, 'ranksOf');
    const order = ranks.orderById('k1', ids);
    expect(lookups).not.toHaveBeenCalled();
    expect([...order]).toEqual([...new IdRanks().orderById('k', ids)]);

    // An id numbered between two steps (a page asked for meanwhile): the prepared order is dropped.
    const more = [...ids, 'a:new'];
    const steps = ranks.orderByIdSteps('k2', ids, 64);
    steps.next();
    ranks.ranksOf(more);
    while (!steps.next().done);
    const fresh = ranks.orderById('k2', ids);
    expect(lookups).toHaveBeenCalledTimes(2);
    expect([...fresh]).toEqual([...new IdRanks().orderById('k', ids)]);

    // Numbered anew while the order is being sorted (the sort pauses between its passes): dropped too.
    const late = ranks.orderByIdSteps('k3', more, 64);
    for (let i = 0; i < Math.ceil(more.length / 64) + 1; i++) expect(late.next().done).toBe(false);
    ranks.ranksOf([...more, 'b:late']);
    while (!late.next().done);
    ranks.orderById('k3', more);
    expect(lookups).toHaveBeenCalledTimes(4);
  });
});
