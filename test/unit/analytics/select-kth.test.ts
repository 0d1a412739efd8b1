import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectKth } from '#shared/risk/tokens/mc/select';

describe('selectKth', () => {
  it('gives the value an ascending sort puts at k, with duplicates, infinities and any order', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true }), fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.7e12));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.nat(), (xs, seed) => {
        const k = seed % xs.length;
        const sorted = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        // 0 and -0 are one value to an ordering: which of the two stands at k is not defined.
        const zeroless = (x: number | undefined): number | undefined => (x === 0 ? 0 : x);
        expect(zeroless(selectKth(Float64Array.from(xs), k))).toBe(zeroless(sorted[k]));
      }),
      { numRuns: 500 },
    );
  });

  it('handles sorted, reversed and constant runs of a million in linear time', () => {
    const n = 1_000_000;
    const up = Float64Array.from({ length: n }, (_, i) => i);
    expect(selectKth(up, n >> 1)).toBe(n >> 1);
    const down = Float64Array.from({ length: n }, (_, i) => n - i);
    expect(selectKth(down, 10)).toBe(11);
    expect(selectKth(new Float64Array(n).fill(7), n - 1)).toBe(7);
  });

  it('refuses a k outside the values', () => {
    expect(() => selectKth(new Float64Array(3), 3)).toThrow(/k = 3 is outside 0..2/);
    expect(() => selectKth(new Float64Array(0), 0)).toThrow(/outside/);
  });
});
