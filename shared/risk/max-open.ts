import type { Side } from '../domain/exchange';
import { Dec, ONE, ZERO, floorTo } from '../money/decimal';
import { maxNotionalForLeverage } from './brackets';
import { notionalAt, type ContractSpec } from './contract-spec';
import { RiskInputError } from './errors';
import { sideSign } from './margin';

export interface MaxOpenInput {
  readonly spec: ContractSpec;
  readonly side: Side;
  /** Available balance for new margin, in the settlement currency. */
  readonly available: Dec;
  readonly leverage: Dec;
  /**
   * The price the exchange assumes for the order: the limit price for long limits; Binance uses
   * max(last x (1 + 0.15%), mark, order) for shorts and about ask x (1 + 0.05%) for long markets.
   */
  readonly price: Dec;
  readonly markPrice: Dec;
  /** Opening fee reserved per unit, as a rate (0 to ignore; Binance's calculator ignores it). */
  readonly feeRate?: Dec;
  /** Notional of the position already open on this side (tiers apply to the total). */
  readonly existingNotional?: Dec;
}

export interface MaxOpen {
  readonly quantity: Dec;
  readonly notional: Dec;
  /** Initial margin + open loss (+ fee) for that quantity. */
  readonly cost: Dec;
  readonly limitedBy: 'balance' | 'bracket';
}

/**
 * Largest order the available balance and the bracket table allow at a leverage:
 * qty = available / (price / lev + open loss per unit + fee per unit), capped by the tier limit
 * for that leverage, floored to the step. Open loss = |min(0, s x (mark - price))| per unit.
 * Binance does not publish its Max Open formula; this follows a Binance developer-forum answer
 * (tokens-and-sizing.md 3.2, low confidence) and is exact for the cost it states.
 */
export function maxOpenQuantity(input: MaxOpenInput): MaxOpen {
  const { spec, side, available, leverage, price, markPrice } = input;
  if (!leverage.gt(0)) throw new RiskInputError('leverage', 'must be greater than zero');
  if (!price.gt(0)) throw new RiskInputError('price', 'must be greater than zero');
  if (!markPrice.gt(0)) throw new RiskInputError('markPrice', 'must be greater than zero');
  const s = sideSign(side);
  const unitValue = notionalAt(spec, ONE, price);
  const markUnitValue = notionalAt(spec, ONE, markPrice);
  // Open loss in the settlement currency: how far the order is already under water at the mark.
  const unitPnlAtMark = spec.settlement === 'linear' ? markUnitValue.minus(unitValue).mul(s) : unitValue.minus(markUnitValue).mul(s);
  const openLoss = Dec.max(ZERO, unitPnlAtMark.neg());
  const perUnit = unitValue.div(leverage).plus(openLoss).plus(unitValue.mul(input.feeRate ?? ZERO));
  const byBalance = available.gt(0) ? available.div(perUnit) : ZERO;
  const tierRoom = Dec.max(ZERO, maxNotionalForLeverage(spec.brackets, leverage).minus(input.existingNotional ?? ZERO));
  const byBracket = tierRoom.div(unitValue);
  const limitedBy = byBracket.lt(byBalance) ? 'bracket' : 'balance';
  const quantity = floorTo(Dec.min(byBalance, byBracket), spec.stepSize);
  return { quantity, notional: quantity.mul(unitValue), cost: quantity.mul(perUnit), limitedBy };
}
