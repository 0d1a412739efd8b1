import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { toFloat } from '#shared/money/to-float';
import { decimals } from './decimal-arbitrary';

/** Prices, quantities and their quotients as the engine files them: up to 17 significant digits, any scale. */
const engineLike = fc
  .tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: -30, max: 30 }), fc.constantFrom(1, 3, 7, 10, 1_000_000))
  .map(([n, e, by]) => new Dec(n.toString()).mul(new Dec(10).pow(e)).div(by));

const same = (x: Dec): void => {
  expect(Object.is(toFloat(x), x.toNumber()), `${x.toString()}: ${toFloat(x)} against ${x.toNumber()}`).toBe(true);
};

describe('toFloat', () => {
  it('gives the double x.toNumber() gives, bit for bit (signed zeros, NaN and infinities included)', () => {
    fc.assert(fc.property(fc.oneof(decimals, engineLike), same), { numRuns: 20_000 });
  });

  it('holds at the edges of the fast path: 2^53, 10^22 and 10^23, padding zeros, tiny and huge scales', () => {
    for (const text of ['9007199254740991', '9007199254740992', '9007199254740993', '1e22', '1e23', '123e20', '0.1', '100000.0', '0.1234567890123456', '0.12345678901234567', '1.5e-300', '5e-324', '1.7976931348623157e308', '1e400']) {
      same(new Dec(text));
      same(new Dec(text).neg());
    }
  });
});
