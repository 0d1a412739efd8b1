import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, compactDigits, isAboveZero, isAtMostZero, isBelowZero } from '#shared/money/decimal';
import { decimals } from './decimal-arbitrary';

describe('sign tests without a decimal argument', () => {
  it('answer as gt(0), lt(0) and lte(0) do, -0 and NaN included', () => {
    fc.assert(
      fc.property(decimals, (x) => {
        expect(isAboveZero(x)).toBe(x.gt(0));
        expect(isBelowZero(x)).toBe(x.lt(0));
        expect(isAtMostZero(x)).toBe(x.lte(0));
      }),
      { numRuns: 2000 },
    );
  });

  it('take -0 as zero, not below it', () => {
    const negZero = new Dec(-5).mul(0);
    expect(negZero.isNegative()).toBe(true);
    expect(isBelowZero(negZero)).toBe(false);
    expect(isAtMostZero(negZero)).toBe(true);
  });
});

describe('compactDigits', () => {
  it('keeps the value, sign and text of every decimal, in a new one', () => {
    fc.assert(
      fc.property(decimals, (x) => {
        const c = compactDigits(x);
        expect(c).not.toBe(x);
        expect(c.toString()).toBe(x.toString());
        expect(c.isNegative()).toBe(x.isNegative());
        expect(c.isNaN() ? x.isNaN() : c.eq(x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
