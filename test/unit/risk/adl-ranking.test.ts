import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { bitmexAdlScore } from '#shared/risk/adl';
import { adlScoreApprox } from '#shared/risk/adl-ranking';

describe('adlScoreApprox (binary64 ranking of the BitMEX ADL score)', () => {
  it('reproduces the computed illustration of exchange-mechanics.md 5.2', () => {
    expect(adlScoreApprox('long', 1, 10_000, 11_000, 9_000)).toBeCloseTo(0.55, 12);
    expect(adlScoreApprox('long', 1, 10_000, 11_000, 9_500)).toBeCloseTo(0.7333333333, 9);
  });

  it('agrees with the exact bitmexAdlScore to a relative 1e-12 (absolute ~1e-14 near zero PnL), null cases included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'long' | 'short'>('long', 'short'),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 100_000, max: 20_000_000 }),
        fc.integer({ min: 100_000, max: 20_000_000 }),
        fc.option(fc.integer({ min: 1, max: 30_000_000 }), { nil: null }),
        (side, q, ep, mp, bp) => {
          const exact = bitmexAdlScore(
            side,
            new Dec(q).div(1000),
            new Dec(ep).div(10),
            new Dec(mp).div(10),
            bp === null ? null : new Dec(bp).div(10),
          );
          const approx = adlScoreApprox(side, q / 1000, ep / 10, mp / 10, bp === null ? null : bp / 10);
          if (exact === null) {
            expect(approx).toBeNull();
            return;
          }
          expect(approx).not.toBeNull();
          const e = exact.toNumber();
          // Near zero PnL, MV - EV cancels: the float error is then absolute, ~1e-16 x leverage.
          const lev = Math.abs(mp / (mp - (bp ?? 0)));
          expect(Math.abs(approx! - e)).toBeLessThanOrEqual(Math.abs(e) * 1e-12 + 1e-14 * (1 + lev + 1 / lev));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
