import type { Side } from '../domain/exchange';
import { type Dec, ONE } from '../money/decimal';
import { RiskInputError } from './errors';
import { sideSign } from './margin';

/** How a trailing stop follows the best price: a callback rate (Binance) or a fixed distance (Bybit). */
export type TrailRule = { readonly kind: 'percent'; readonly callbackRate: Dec } | { readonly kind: 'distance'; readonly distance: Dec };

export interface TrailingInput {
  readonly side: Side;
  readonly rule: TrailRule;
  /** The stop starts trailing once price reaches it; from the first price when absent. */
  readonly activationPrice?: Dec;
  readonly prices: readonly Dec[];
}

export interface TrailingResult {
  /** The stop level after each price, null before activation. */
  readonly stops: readonly (Dec | null)[];
  readonly activatedAt: number | null;
  /** Index of the first price at or through the stop, null if it never triggers. */
  readonly triggeredAt: number | null;
  /** The stop level that triggered (the fill price before slippage). */
  readonly triggerPrice: Dec | null;
}

function stopFrom(best: Dec, rule: TrailRule, s: 1 | -1): Dec {
  switch (rule.kind) {
    case 'percent':
      return best.mul(ONE.minus(rule.callbackRate.mul(s)));
    case 'distance':
      return best.minus(rule.distance.mul(s));
    default: {
      const never: never = rule;
      throw new Error(`unknown trail rule ${String(never)}`);
    }
  }
}

/**
 * Replays a trailing stop over a price sequence: stop = best price since activation -+ the
 * callback (Bybit help 360039260514: long 8,000 with distance 500 -> 7,500; after a high of
 * 9,000 -> 8,500). Each price first moves the best, then is tested against the stop.
 */
export function trailStop(input: TrailingInput): TrailingResult {
  const { side, rule } = input;
  if (rule.kind === 'percent' && (!rule.callbackRate.gt(0) || !rule.callbackRate.lt(1))) {
    throw new RiskInputError('rule.callbackRate', 'must be in (0, 1)');
  }
  if (rule.kind === 'distance' && !rule.distance.gt(0)) throw new RiskInputError('rule.distance', 'must be greater than zero');
  const s = sideSign(side);
  const stops: (Dec | null)[] = [];
  let best: Dec | null = null;
  let activatedAt: number | null = null;
  for (let i = 0; i < input.prices.length; i += 1) {
    const p = input.prices[i]!;
    if (best === null) {
      const act = input.activationPrice;
      const reached = act === undefined || p.minus(act).mul(s).gte(0);
      if (!reached) {
        stops.push(null);
        continue;
      }
      best = p;
      activatedAt = i;
    } else if (p.minus(best).mul(s).gt(0)) {
      best = p;
    }
    const stop = stopFrom(best, rule, s);
    stops.push(stop);
    if (p.minus(stop).mul(s).lte(0)) return { stops, activatedAt, triggeredAt: i, triggerPrice: stop };
  }
  return { stops, activatedAt, triggeredAt: null, triggerPrice: null };
}
