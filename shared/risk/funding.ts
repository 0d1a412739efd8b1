import type { Side } from '../domain/exchange';
import { Dec, ONE, ZERO } from '../money/decimal';
import type { Settlement } from './contract-spec';
import { RiskInputError } from './errors';
import { sideSign } from './margin';
import type { FundingRules } from './profile';

function clamp(x: Dec, lo: Dec, hi: Dec): Dec {
  return x.lt(lo) ? lo : x.gt(hi) ? hi : x;
}

/**
 * Premium index of one sample: [max(0, impact bid - index) - max(0, index - impact ask)] / index
 * (exchange-mechanics.md 6.1).
 */
export function premiumIndex(indexPrice: Dec, impactBid: Dec, impactAsk: Dec): Dec {
  if (!indexPrice.gt(0)) throw new RiskInputError('indexPrice', 'must be greater than zero');
  return Dec.max(ZERO, impactBid.minus(indexPrice)).minus(Dec.max(ZERO, indexPrice.minus(impactAsk))).div(indexPrice);
}

/**
 * Average of the interval's premium samples: equal weights (Binance, 5-second samples) or the
 * linearly rising weights 1..n of Bybit (later minutes count more).
 */
export function averagePremium(samples: readonly Dec[], weighting: FundingRules['premiumWeighting']): Dec {
  if (samples.length === 0) throw new RiskInputError('premiumSamples', 'needs at least one sample');
  let num = ZERO;
  let den = ZERO;
  samples.forEach((p, i) => {
    const w = weighting === 'linear' ? new Dec(i + 1) : ONE;
    num = num.plus(p.mul(w));
    den = den.plus(w);
  });
  return num.div(den);
}

/** F = P + clamp(I - P, -c, +c), then bounded to [floor, cap] (Binance and Bybit funding FAQs). */
export function fundingRate(averagePremiumIndex: Dec, rules: FundingRules): Dec {
  const c = rules.clampRate;
  const f = averagePremiumIndex.plus(clamp(rules.interestRate.minus(averagePremiumIndex), c.neg(), c));
  return clamp(f, rules.floorRate, rules.capRate);
}

export interface FundingPayment {
  /** Signed from this position's side: negative = it pays, positive = it receives. */
  readonly amount: Dec;
  /** Position value at the mark the rate applies to, in the settlement currency. */
  readonly notional: Dec;
  readonly payer: Side | 'none';
  readonly receiver: Side | 'none';
}

/**
 * Funding for one settlement: notional at the mark x rate moves between longs and shorts; with a
 * positive rate longs pay shorts, with a negative one shorts pay longs. The exchange takes nothing.
 */
export function fundingPayment(
  side: Side,
  quantity: Dec,
  markPrice: Dec,
  rate: Dec,
  settlement: Settlement = 'linear',
  contractSize: Dec = ONE,
): FundingPayment {
  if (!markPrice.gt(0)) throw new RiskInputError('markPrice', 'must be greater than zero');
  const size = quantity.abs().mul(contractSize);
  const notional = settlement === 'linear' ? size.mul(markPrice) : size.div(markPrice);
  const amount = notional.mul(rate).mul(-sideSign(side));
  const payer: FundingPayment['payer'] = rate.gt(0) ? 'long' : rate.lt(0) ? 'short' : 'none';
  const receiver: FundingPayment['receiver'] = payer === 'long' ? 'short' : payer === 'short' ? 'long' : 'none';
  return { amount: amount.isZero() ? ZERO : amount, notional, payer, receiver };
}
