import { type Dec, ONE, ceilTo, floorTo, isMultipleOf } from '../money/decimal';
import type { Bracket } from './brackets';
import { RiskInputError } from './errors';

/** How a contract settles: linear in the quote currency (USDT), inverse in the coin (XBTUSD). */
export type Settlement = 'linear' | 'inverse';

/**
 * The trading rules of one perpetual contract. Quantities are in base units for linear
 * contracts (BTC for BTCUSDT) and in contracts for inverse ones (each worth contractSize USD).
 */
export interface ContractSpec {
  readonly symbol: string;
  readonly settlement: Settlement;
  /** Linear: 1 (quantity is in base units). Inverse: USD value of one contract. */
  readonly contractSize: Dec;
  readonly tickSize: Dec;
  readonly stepSize: Dec;
  readonly minQty: Dec;
  /** Smallest order notional in the settlement currency (Binance MIN_NOTIONAL). */
  readonly minNotional: Dec;
  /**
   * Limit-price filter as fractions of the mark (Binance PERCENT_PRICE multiplierUp 1.05 -> up
   * 0.05): a buy may not be priced above mark x (1 + up), a sell not below mark x (1 - down).
   */
  readonly priceBand: { readonly up: Dec; readonly down: Dec };
  /** Clearance fee on the amount liquidated, where the exchange sets it per symbol. */
  readonly liquidationFeeRate?: Dec;
  readonly brackets: readonly Bracket[];
  /** Where these numbers come from, with a date: exchanges change them. */
  readonly source: string;
}

/**
 * x x contract size. A linear contract's size is 1: then x itself when it has at most 35
 * significant digits, which x 1 could not have rounded at 40. The same value, one decimal fewer
 * on the paths that run for every position when a big crowd opens.
 */
export function timesContractSize(x: Dec, contractSize: Dec): Dec {
  const d = x.d as readonly number[] | null;
  return d !== null && d.length <= 5 && isOne(contractSize) ? x : x.mul(contractSize);
}

function isOne(x: Dec): boolean {
  const d = x.d as readonly number[] | null;
  return x.s === 1 && x.e === 0 && d !== null && d.length === 1 && d[0] === 1;
}

/** Position value in the settlement currency: q x P (linear) or contracts x size / P (inverse). */
export function notionalAt(spec: Pick<ContractSpec, 'settlement' | 'contractSize'>, quantity: Dec, price: Dec): Dec {
  const size = timesContractSize(quantity, spec.contractSize);
  return spec.settlement === 'linear' ? size.mul(price) : size.div(price);
}

/** Rounds a quantity down to the step: never size past what was asked. */
export function roundQuantity(spec: ContractSpec, quantity: Dec): Dec {
  return floorTo(quantity, spec.stepSize);
}

export type OrderRuleViolation =
  | { readonly rule: 'tick'; readonly field: 'price'; readonly message: string }
  | { readonly rule: 'step' | 'minQty'; readonly field: 'quantity'; readonly message: string }
  | { readonly rule: 'minNotional' | 'priceBand'; readonly field: 'price' | 'quantity'; readonly message: string };

/** Checks a limit order against the spec's filters; an empty list means it would be accepted. */
export function checkOrderRules(
  spec: ContractSpec,
  order: { readonly side: 'long' | 'short'; readonly quantity: Dec; readonly price: Dec; readonly markPrice: Dec },
): readonly OrderRuleViolation[] {
  const out: OrderRuleViolation[] = [];
  if (!isMultipleOf(order.price, spec.tickSize)) {
    out.push({ rule: 'tick', field: 'price', message: `price must be a multiple of the tick ${spec.tickSize.toFixed()}` });
  }
  if (!isMultipleOf(order.quantity, spec.stepSize)) {
    out.push({ rule: 'step', field: 'quantity', message: `quantity must be a multiple of the step ${spec.stepSize.toFixed()}` });
  }
  if (order.quantity.lt(spec.minQty)) {
    out.push({ rule: 'minQty', field: 'quantity', message: `quantity is below the minimum ${spec.minQty.toFixed()}` });
  }
  const notional = notionalAt(spec, order.quantity, order.price);
  if (notional.lt(spec.minNotional)) {
    out.push({ rule: 'minNotional', field: 'quantity', message: `notional ${notional.toFixed()} is below the minimum ${spec.minNotional.toFixed()}` });
  }
  const limit =
    order.side === 'long' ? order.markPrice.mul(ONE.plus(spec.priceBand.up)) : order.markPrice.mul(ONE.minus(spec.priceBand.down));
  const outside = order.side === 'long' ? order.price.gt(limit) : order.price.lt(limit);
  if (outside) {
    out.push({
      rule: 'priceBand',
      field: 'price',
      message: `a ${order.side === 'long' ? 'buy' : 'sell'} may not be priced ${order.side === 'long' ? 'above' : 'below'} ${limit.toFixed()}`,
    });
  }
  return out;
}

/** Rounds a price to the tick toward the safe side: up for a long's liquidation price, down for a short's. */
export function roundPriceTowardMark(price: Dec, tick: Dec, side: 'long' | 'short'): Dec {
  return side === 'long' ? ceilTo(price, tick) : floorTo(price, tick);
}

export function requirePositive(x: Dec, field: string): Dec {
  if (!x.isFinite() || !x.gt(0)) throw new RiskInputError(field, 'must be greater than zero');
  return x;
}

export function requireNonNegative(x: Dec, field: string): Dec {
  if (!x.isFinite() || x.lt(0)) throw new RiskInputError(field, 'must not be negative');
  return x;
}

