import { Dec, ONE } from '../../money/decimal';
import type { Settlement } from '../contract-spec';

const MINUS_ONE = new Dec(-1);

/**
 * Solves WB_eff + upnl(P) = A + B x N(P) for P, for one position of size `size` (base units
 * linear, USD inverse) on side s, where WB_eff = WB + UPNL_others - REQ_others:
 *
 *   linear:  P = (A - WB_eff + s x size x EP) / (size x (s - B))
 *   inverse: P = size x (B + s) / (WB_eff + s x size / EP - A)
 *
 * The balance minus the requirement is strictly monotone in P for B < 1 (every real rate), so
 * the root is unique when it exists. Null when it does not exist or is not a positive price:
 * a fully collateralised long never reaches it, an inverse short at 1x would need P = infinity.
 *
 * `sizeEntry`: size x EP when the caller has it (one account's solves share it: the bankruptcy
 * price and each tier tried).
 */
export function solveBalance(
  settlement: Settlement,
  s: 1 | -1,
  size: Dec,
  entryPrice: Dec,
  effectiveBalance: Dec,
  constant: Dec,
  rate: Dec,
  sizeEntry?: Dec,
): Dec | null {
  let num: Dec;
  let den: Dec;
  if (settlement === 'linear') {
    // s x (size x EP) and s - rate without multiplying by +-1: the same values exactly, two
    // decimals fewer per solve (100,000 positions are solved when a big crowd opens).
    const se = sizeEntry ?? size.mul(entryPrice);
    num = constant.minus(effectiveBalance).plus(s === 1 ? se : se.neg());
    den = size.mul((s === 1 ? ONE : MINUS_ONE).minus(rate));
  } else {
    num = size.mul(rate.plus(s));
    den = effectiveBalance.plus(size.div(entryPrice).mul(s)).minus(constant);
  }
  if (den.isZero()) return null;
  const price = num.div(den);
  return price.isFinite() && price.gt(0) ? price : null;
}

/**
 * Order in which to try the tiers when looking for the one that contains the solved price:
 * the tier at the mark first (it is usually the answer), then outward, nearest first.
 */
export function tierSearchOrder(start: number, count: number): number[] {
  const order = [start];
  for (let d = 1; order.length < count; d += 1) {
    if (start - d >= 0) order.push(start - d);
    if (start + d < count) order.push(start + d);
  }
  return order;
}
