import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { timesContractSize } from '#shared/risk/contract-spec';
import { solveBalance } from '#shared/risk/liquidation/solve';
import { decimal } from './arbitraries';

/**
 * The crowd-opening paths skip decimals whose result they already know (stop 33). Each shortcut
 * must give the very value the long way gives, digit for digit, or the engine's state would drift
 * from what it computed before (its golden state: test/unit/engine/crowd-open-golden.test.ts).
 */

/** A decimal with up to `digits` significant digits at any scale, sign included (parsed whole: a parse does not round). */
const anyDecimal = (digits: number): fc.Arbitrary<Dec> =>
  fc
    .tuple(fc.bigInt({ min: -(10n ** BigInt(digits)) + 1n, max: 10n ** BigInt(digits) - 1n }), fc.integer({ min: -30, max: 12 }))
    .map(([n, e]) => new Dec(`${n}e${e}`));

const same = (a: Dec | null, b: Dec | null): void => {
  expect(a === null ? null : a.toString()).toBe(b === null ? null : b.toString());
  if (a && b) expect(a.isNeg()).toBe(b.isNeg());
};

/** solveBalance as it was written before it took size x EP from its caller and stopped multiplying by +-1. */
function solveBalanceBefore(s: 1 | -1, size: Dec, entry: Dec, effective: Dec, constant: Dec, rate: Dec): Dec | null {
  const num = constant.minus(effective).plus(size.mul(entry).mul(s));
  const den = size.mul(rate.neg().plus(s));
  if (den.isZero()) return null;
  const price = num.div(den);
  return price.isFinite() && price.gt(0) ? price : null;
}

describe('hot-path shortcuts give the long way\'s values exactly', () => {
  it('timesContractSize(x, size) equals x.mul(size), for unit and other contract sizes', () => {
    fc.assert(
      fc.property(anyDecimal(45), fc.constantFrom('1', '100', '10', '0.001', '1.0'), (x, size) => {
        const cs = new Dec(size);
        same(timesContractSize(x, cs), x.mul(cs));
      }),
      { numRuns: 2000 },
    );
  });

  it('a 40-digit quotient times a unit contract is the quotient (the solver\'s entry prices)', () => {
    fc.assert(
      fc.property(decimal(0.001, 5000, 3), decimal(1, 500_000_000, 8), (qty, value) => {
        const entry = value.div(qty);
        same(timesContractSize(entry, new Dec(1)), entry.mul(1));
      }),
    );
  });

  it('solveBalance with and without size x EP from the caller equals the formula as first written', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<1 | -1>(1, -1),
        decimal(0.001, 3000, 3),
        decimal(1000, 150_000, 1),
        decimal(-50_000, 5_000_000, 8),
        decimal(-20_000, 1000, 8),
        fc.oneof(fc.constant(new Dec(0)), decimal(0, 0.5, 4), fc.constant(new Dec(1))),
        (s, qty, price, effective, constant, rate) => {
          const entry = qty.mul(price).plus('0.0001').div(qty); // a 40-digit quotient, as the engine's entry prices are
          const before = solveBalanceBefore(s, qty, entry, effective, constant, rate);
          same(solveBalance('linear', s, qty, entry, effective, constant, rate), before);
          same(solveBalance('linear', s, qty, entry, effective, constant, rate, qty.mul(entry)), before);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
