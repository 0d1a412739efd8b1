import type { Side } from '#shared/domain/exchange';
import { type Dec, ZERO } from '#shared/money/decimal';
import { money } from '../ledger/money';
/**
 * The payment of each distinct quantity on a linear market, and how many positions of each side
 * took it: a crowd of 10,000 holds a few hundred distinct quantities (sizes on the step grid), so
 * the product and its rounding are made once per quantity, and the totals (net, paid) are one
 * multiplication per quantity instead of two additions per position. Every amount is the one
 * money(q × perUnit) gives (a short's is the negated long's: half-even rounding is symmetric), and
 * the totals are exact (decimal products and sums at 40 digits), so the ledger is the same.
 */
export class SharedPayments {
  /** By a hash of the quantity's digits; a hash shared by two quantities keeps the first (checked with eq). */
  private readonly byQty = new Map<number, QtyPayment>();

  /** `hash`: digitsHash; a test passes a constant one to exercise collisions. */
  constructor(
    private readonly longPerUnit: Dec,
    private readonly hash: (x: Dec) => number = digitsHash,
  ) {}

  take(side: Side, qty: Dec): Dec {
    const key = this.hash(qty);
    let e = this.byQty.get(key);
    if (e === undefined) {
      const long = money(qty.mul(this.longPerUnit));
      e = { qty, long, short: long.neg(), longs: 0, shorts: 0 };
      this.byQty.set(key, e);
    } else if (!e.qty.eq(qty)) {
      // A hash collision: this quantity is paid without the cache, and its amount counted here.
      const long = money(qty.mul(this.longPerUnit));
      const amount = side === 'long' ? long : long.neg();
      this.extraNet = this.extraNet.plus(amount);
      if (amount.lt(0)) this.extraPaid = this.extraPaid.minus(amount);
      return amount;
    }
    if (side === 'long') {
      // A zero amount is skipped by the caller and so counted by no one.
      if (!e.long.isZero()) e.longs += 1;
      return e.long;
    }
    if (!e.short.isZero()) e.shorts += 1;
    return e.short;
  }

  /** Σ of the amounts taken. */
  net(): Dec {
    let net = this.extraNet;
    for (const e of this.byQty.values()) if (e.longs !== e.shorts) net = net.plus(e.long.mul(e.longs - e.shorts));
    return net;
  }

  /** Σ of what the payers paid (the negative amounts, as a positive total). */
  paid(): Dec {
    let paid = this.extraPaid;
    for (const e of this.byQty.values()) {
      if (e.longs > 0 && e.long.lt(0)) paid = paid.minus(e.long.mul(e.longs));
      if (e.shorts > 0 && e.short.lt(0)) paid = paid.minus(e.short.mul(e.shorts));
    }
    return paid;
  }

  private extraNet: Dec = ZERO;
  private extraPaid: Dec = ZERO;
}

interface QtyPayment {
  readonly qty: Dec;
  readonly long: Dec;
  readonly short: Dec;
  longs: number;
  shorts: number;
}

/** A number from a decimal's exponent and digit words (decimal.js's public e and d): equal decimals hash equal. */
export function digitsHash(x: Dec): number {
  let h = x.e;
  for (const w of x.d) h = (h * 31 + w) % 4_294_967_311;
  return h;
}
