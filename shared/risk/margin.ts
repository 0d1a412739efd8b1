import type { Side } from '../domain/exchange';
import { Dec, ONE, type DecimalLike } from '../money/decimal';
import type { Settlement } from './contract-spec';
import { RiskInputError } from './errors';

/** +1 for a long, -1 for a short: the s of every formula in exchange-mechanics.md. */
export function sideSign(side: Side): 1 | -1 {
  return side === 'long' ? 1 : -1;
}

/** Initial margin = notional / leverage (Binance calculator: qty x entry / leverage). */
export function initialMargin(notional: Dec, leverage: Dec): Dec {
  if (!leverage.gt(0)) throw new RiskInputError('leverage', 'must be greater than zero');
  return notional.div(leverage);
}

/**
 * Unrealised PnL at a price, in the settlement currency:
 * linear s x q x (P - EP); inverse s x Q x (1/EP - 1/P) with Q = contracts x contractSize (USD).
 */
export function unrealizedPnl(
  side: Side,
  quantity: Dec,
  entryPrice: Dec,
  price: Dec,
  settlement: Settlement,
  contractSize: DecimalLike = ONE,
): Dec {
  const size = quantity.mul(contractSize);
  const s = sideSign(side);
  if (settlement === 'linear') return size.mul(price.minus(entryPrice)).mul(s);
  return size.mul(ONE.div(entryPrice).minus(ONE.div(price))).mul(s);
}

/** Return on equity: PnL / initial margin (what the exchanges' calculators call ROI). */
export function roe(pnl: Dec, initialMarginValue: Dec): Dec {
  if (!initialMarginValue.gt(0)) throw new RiskInputError('initialMargin', 'must be greater than zero');
  return pnl.div(initialMarginValue);
}

/**
 * Margin ratio = maintenance requirement / margin balance (Binance: liquidation at 100%).
 * Null when the margin balance is zero or negative: the account is already bankrupt and a ratio
 * would be a meaningless or negative number.
 */
export function marginRatio(requirement: Dec, marginBalance: Dec): Dec | null {
  if (!marginBalance.gt(0)) return null;
  return requirement.div(marginBalance);
}

/**
 * The price at which a position reaches a return on equity (Binance calculator "Target
 * Price"): linear long EP x (1 + ROE/lev), short EP x (1 - ROE/lev); inverse s x EP / (s - ROE/lev).
 * Null when no finite positive price reaches it (e.g. a short's +100% at 1x, or a long's -100% inverse).
 */
export function targetPriceForRoe(side: Side, entryPrice: Dec, targetRoe: Dec, leverage: Dec, settlement: Settlement): Dec | null {
  if (!leverage.gt(0)) throw new RiskInputError('leverage', 'must be greater than zero');
  const s = sideSign(side);
  const move = targetRoe.div(leverage);
  let price: Dec;
  if (settlement === 'linear') {
    price = entryPrice.mul(ONE.plus(move.mul(s)));
  } else {
    const den = new Dec(s).minus(move);
    if (den.isZero()) return null;
    price = entryPrice.mul(s).div(den);
  }
  return price.gt(0) ? price : null;
}
