import { Dec, ZERO } from '#shared/money/decimal';

export interface FundingModelRules {
  /** Interest per interval (Binance 0.0001 = 0.01 % per 8 h). */
  readonly interest: Dec;
  /** clamp(I - P̄, ±clamp) (Binance 0.0005). */
  readonly clamp: Dec;
  /** Final cap on the rate. */
  readonly cap: Dec;
}

/** Funding rates are published with 8 decimals. */
export const RATE_DECIMALS = 8;

/**
 * One premium-index sample (reference §6.1): [max(0, impact bid - index) - max(0, index - impact ask)] / index.
 * The impact prices come from the book model: last ∓ half the quoted spread.
 */
export function premiumSample(last: Dec, index: Dec, spreadBps: number): Dec {
  const half = last.mul(spreadBps).div(20_000);
  return premiumFromImpact(last.minus(half), last.plus(half), index);
}

export function premiumFromImpact(impactBid: Dec, impactAsk: Dec, index: Dec): Dec {
  const up = Dec.max(ZERO, impactBid.minus(index));
  const down = Dec.max(ZERO, index.minus(impactAsk));
  return up.minus(down).div(index);
}

/** F = P̄ + clamp(I - P̄, ±clamp), then capped; 8 decimals. With no samples yet, F = I. */
export function fundingRate(averagePremium: Dec | null, r: FundingModelRules): Dec {
  const p = averagePremium ?? r.interest;
  const adj = Dec.min(Dec.max(r.interest.minus(p), r.clamp.neg()), r.clamp);
  const f = Dec.min(Dec.max(p.plus(adj), r.cap.neg()), r.cap);
  return f.toDecimalPlaces(RATE_DECIMALS, Dec.ROUND_HALF_EVEN);
}
