import { type Dec, ONE } from '../../money/decimal';
import { RiskInputError } from '../errors';

/**
 * Price move from the last rebalance at which a token of leverage beta reaches leverage L*
 * (both signed): P_trigger / P_ref = L* (1 - beta) / (beta (1 - L*)), returned as that ratio - 1.
 * FTX BULL (3 -> 4): -11.11%; BEAR (-3 -> -4): +6.67%; Bybit 3L to 2x: +33.33%.
 */
export function triggerMove(beta: Dec, triggerLeverage: Dec): Dec {
  if (beta.isZero() || triggerLeverage.eq(1)) throw new RiskInputError('leverage', 'no trigger exists for this pair');
  return triggerLeverage.mul(ONE.minus(beta)).div(beta.mul(ONE.minus(triggerLeverage))).minus(1);
}

/** NAV at the trigger relative to the last rebalance: 1 + beta x move (BULL 2/3, BEAR 0.8). */
export function navAtTrigger(beta: Dec, triggerLeverage: Dec): Dec {
  return ONE.plus(beta.mul(triggerMove(beta, triggerLeverage)));
}

/**
 * Cheng & Madhavan (2009): after a day's return r, a daily-reset fund with NAV A must trade
 * A x (beta^2 - beta) x r of the underlying at the close - buying after up days, selling after
 * down days, for long and inverse funds alike.
 */
export function rebalanceDemand(nav: Dec, beta: Dec, dailyReturn: Dec): Dec {
  return nav.mul(beta.mul(beta).minus(beta)).mul(dailyReturn);
}

export interface RebalanceOrder {
  readonly nav: Dec;
  readonly exposure: Dec;
  readonly leverage: Dec;
  /** Underlying units to buy (positive) or sell (negative) to return to the target. */
  readonly tradeUnits: Dec;
  readonly tradeValue: Dec;
}

/**
 * The order that re-levers a basket of cash and underlying units: desired units = target x NAV /
 * price (FTX walkthrough). ETHBULL with -20,000 USD and 150 ETH at 210: NAV 11,500, 2.74x, buy
 * 14.2857 ETH ($3,000).
 */
export function rebalanceOrder(cash: Dec, units: Dec, price: Dec, target: Dec): RebalanceOrder {
  if (!price.gt(0)) throw new RiskInputError('price', 'must be greater than zero');
  const exposure = units.mul(price);
  const nav = cash.plus(exposure);
  if (!nav.gt(0)) throw new RiskInputError('cash', 'the basket has no positive NAV to re-lever');
  const tradeValue = target.mul(nav).minus(exposure);
  return { nav, exposure, leverage: exposure.div(nav), tradeUnits: tradeValue.div(price), tradeValue };
}
