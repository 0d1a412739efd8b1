import type { Side } from '../domain/exchange';
import { ONE, type Dec } from '../money/decimal';
import type { Settlement } from './contract-spec';
import { sideSign } from './margin';

/** Trading fee on a fill: notional x rate (a negative maker rate is a rebate, returned negative). */
export function tradingFee(notional: Dec, rate: Dec): Dec {
  return notional.abs().mul(rate);
}

/**
 * Clearance (liquidation) fee: charged on the amount liquidated, not on the whole position
 * (Binance FAQ 360033525271), and paid to the insurance fund.
 */
export function clearanceFee(notionalLiquidated: Dec, rate: Dec): Dec {
  return notionalLiquidated.abs().mul(rate);
}

/**
 * What the insurance fund gains (positive) or pays (negative) when the liquidation engine,
 * having taken the position over at the bankruptcy price, closes it at `fillPrice`
 * (exchange-mechanics.md 5.1): linear s x q x (F - BP); inverse s x Q x (1/BP - 1/F).
 * Binance adds the clearance fee on top; that is clearanceFee's job, not this one's.
 */
export function insuranceFundDelta(
  side: Side,
  quantity: Dec,
  bankruptcyPrice: Dec,
  fillPrice: Dec,
  settlement: Settlement,
  contractSize: Dec = ONE,
): Dec {
  const s = sideSign(side);
  const size = quantity.mul(contractSize);
  if (settlement === 'linear') return size.mul(fillPrice.minus(bankruptcyPrice)).mul(s);
  return size.mul(ONE.div(bankruptcyPrice).minus(ONE.div(fillPrice))).mul(s);
}
