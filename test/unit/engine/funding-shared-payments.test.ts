import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, ZERO } from '#shared/money/decimal';
import type { Side } from '#shared/domain/exchange';
import { money } from '#main/engine/ledger/money';
import { SharedPayments, digitsHash } from '#main/engine/funding/shared-payments';

/** Each position paid on its own, as settle-funding did before the payments were shared. */
function direct(longPerUnit: Dec, positions: ReadonlyArray<readonly [Side, Dec]>): { amounts: string[]; net: string; paid: string } {
  let net = ZERO;
  let paid = ZERO;
  const amounts = positions.map(([side, qty]) => {
    const amount = money(side === 'long' ? qty.mul(longPerUnit) : qty.mul(longPerUnit).neg());
    if (!amount.isZero()) {
      net = net.plus(amount);
      if (amount.lt(0)) paid = paid.minus(amount);
    }
    return amount.toFixed();
  });
  return { amounts, net: net.toFixed(), paid: paid.toFixed() };
}

function shared(longPerUnit: Dec, positions: ReadonlyArray<readonly [Side, Dec]>, hash?: (x: Dec) => number): { amounts: string[]; net: string; paid: string } {
  const s = new SharedPayments(longPerUnit, hash);
  const amounts = positions.map(([side, qty]) => s.take(side, qty).toFixed());
  return { amounts, net: s.net().toFixed(), paid: s.paid().toFixed() };
}

const position = fc.tuple(fc.constantFrom<Side>('long', 'short'), fc.integer({ min: 1, max: 3000 }).map((steps) => new Dec(steps).mul('0.001')));
const perUnit = fc.tuple(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: -300, max: 300 })).map(([mark, bp]) => new Dec(mark).div(10).mul(new Dec(bp).div(1_000_000)).neg());

describe('funding payments shared by quantity', () => {
  it('pays every position, and totals net and paid, exactly as paying each on its own', () => {
    fc.assert(
      fc.property(perUnit, fc.array(position, { maxLength: 300 }), (u, positions) => {
        expect(shared(u, positions)).toEqual(direct(u, positions));
      }),
    );
  });

  it('stays exact when two quantities share a hash (a constant hash makes every quantity collide)', () => {
    fc.assert(
      fc.property(perUnit, fc.array(position, { maxLength: 100 }), (u, positions) => {
        expect(shared(u, positions, () => 0)).toEqual(direct(u, positions));
      }),
    );
  });

  it('hashes equal decimals equal whatever their writing, and a rate of zero pays nobody', () => {
    expect(digitsHash(new Dec('0.50'))).toBe(digitsHash(new Dec('0.5')));
    expect(digitsHash(new Dec('1.000'))).toBe(digitsHash(new Dec(1)));
    const none = shared(ZERO, [['long', new Dec('1')], ['short', new Dec('1')]]);
    expect(none).toEqual({ amounts: ['0', '0'], net: '0', paid: '0' });
  });

  it('rounds a tie half to even on both sides (the short is the negated long)', () => {
    // 0.001 × -0.000000005 = -5e-12 → 0 at 8 places; 1 × -0.000000015 = -1.5e-8 → -2e-8 (even).
    const r = shared(new Dec('-0.000000015'), [['long', new Dec('1')], ['short', new Dec('1')], ['long', new Dec('1')]]);
    expect(r.amounts).toEqual(['-0.00000002', '0.00000002', '-0.00000002']);
    expect(r.net).toBe('-0.00000002');
    expect(r.paid).toBe('0.00000004');
  });
});
