import type { OrderRequest, OrderSide, TimeInForce, TriggerSource } from '#shared/domain/trading-orders';
import { Dec, isMultipleOf } from '#shared/money/decimal';
import { checkOrderRules } from '#shared/risk/index';
import { reject } from '../context';
import { closingOrderSide, type Account } from '../model/account';
import type { MarketState } from '../model/market';
import { isConditional, restsAtLimit, triggerDirection, type PlannedBracket } from '../model/order';

/** A request that passed every static check, with its decimals parsed. */
export interface OrderDraft {
  readonly req: OrderRequest;
  readonly qty: Dec | null;
  readonly price: Dec | null;
  readonly trigger: Dec | null;
  readonly triggerSource: TriggerSource;
  readonly timeInForce: TimeInForce;
  readonly callbackRate: Dec | null;
  readonly activation: Dec | null;
  readonly reduceOnly: boolean;
  readonly bracket: PlannedBracket | null;
}

const MIN_CALLBACK = new Dec('0.001');
const MAX_CALLBACK = new Dec('0.1');

export function watchedPrice(m: MarketState, source: TriggerSource): Dec {
  return source === 'mark' ? m.mark : m.last;
}

function onTick(m: MarketState, x: Dec | null, field: string): void {
  if (x && !isMultipleOf(x, m.spec.tickSize)) reject('tickSize', `${field} ${x.toFixed()} is not a multiple of the tick ${m.spec.tickSize.toFixed()}`, field);
}

/**
 * Every check that needs no simulation, in the order a trader would want to hear them: the
 * shape of the order for its type, the contract's filters (tick, step, minimum quantity and
 * notional, price band), reduce-only sense, and triggers that would fire at once.
 */
export function validateRequest(account: Account, m: MarketState, req: OrderRequest): OrderDraft {
  if (!m.hasPrices()) reject('noPrice', `${m.symbol} has no price yet: start the replay before trading`, 'symbol');
  const type = req.type;
  const conditional = isConditional(type);
  const limitPriced = restsAtLimit(type);
  const needsTrigger = conditional && type !== 'trailingStop';
  if (limitPriced && !req.price) reject('missingField', `a ${type} order needs a price`, 'price');
  if (!limitPriced && req.price) reject('unexpectedField', `price is only for limit, stop-limit and take-profit-limit orders, not ${type}`, 'price');
  if (needsTrigger && !req.triggerPrice) reject('missingField', `a ${type} order needs a triggerPrice`, 'triggerPrice');
  if (!needsTrigger && req.triggerPrice) reject('unexpectedField', `triggerPrice is only for stop and take-profit orders, not ${type}`, 'triggerPrice');
  if (type === 'trailingStop' && !req.callbackRate) reject('missingField', 'a trailing stop needs a callbackRate', 'callbackRate');
  if (type !== 'trailingStop' && (req.callbackRate || req.activationPrice)) {
    reject('unexpectedField', 'callbackRate and activationPrice are only for trailing stops', req.callbackRate ? 'callbackRate' : 'activationPrice');
  }
  if (req.closePosition && type !== 'stopMarket' && type !== 'takeProfitMarket') {
    reject('closePositionType', 'closePosition is only for stop-market and take-profit-market orders', 'closePosition');
  }
  if (req.closePosition && req.quantity) reject('unexpectedField', 'a closePosition order takes the whole position: leave quantity out', 'quantity');
  if (!req.closePosition && !req.quantity) reject('missingField', 'quantity is required', 'quantity');
  if (req.timeInForce && !limitPriced) reject('unexpectedField', `timeInForce is only for limit-priced orders, not ${type}`, 'timeInForce');
  if (req.timeInForce === 'postOnly' && type !== 'limit') reject('unexpectedField', 'postOnly is only for plain limit orders', 'timeInForce');
  const reduceOnly = req.reduceOnly === true || req.closePosition === true;
  if (req.attached && (reduceOnly || (type !== 'market' && type !== 'limit'))) {
    reject('attachedNotEntry', 'a stop-loss / take-profit ladder attaches only to a market or limit entry that is not reduce-only', 'attached');
  }

  const qty = req.quantity ? new Dec(req.quantity) : null;
  const price = req.price ? new Dec(req.price) : null;
  const trigger = req.triggerPrice ? new Dec(req.triggerPrice) : null;
  const activation = req.activationPrice ? new Dec(req.activationPrice) : null;
  const callbackRate = req.callbackRate ? new Dec(req.callbackRate) : null;
  onTick(m, price, 'price');
  onTick(m, trigger, 'triggerPrice');
  onTick(m, activation, 'activationPrice');
  if (callbackRate && (callbackRate.lt(MIN_CALLBACK) || callbackRate.gt(MAX_CALLBACK))) {
    reject('callbackRate', `callbackRate must be between ${MIN_CALLBACK.toFixed()} (0.1%) and ${MAX_CALLBACK.toFixed()} (10%)`, 'callbackRate');
  }
  const triggerSource: TriggerSource = req.triggerSource ?? 'mark';

  if (qty) {
    // The reference price for the notional filter: the limit, else the trigger, else the mark.
    const ref = price ?? trigger ?? m.mark;
    const bandAnchor = price && trigger ? trigger : m.mark;
    for (const v of checkOrderRules(m.spec, { side: req.side === 'buy' ? 'long' : 'short', quantity: qty, price: ref, markPrice: bandAnchor })) {
      if (v.rule === 'minNotional' && reduceOnly) continue; // reduce-only orders are exempt (Binance)
      if (v.rule === 'priceBand' && !price) continue; // only a limit price can sit outside the band
      if (v.rule === 'tick' && !price && !trigger) continue; // the mark itself is not on the grid
      reject(v.rule, v.message, v.field);
    }
  }

  if (reduceOnly) {
    const pos = account.positions.get(m.symbol);
    if (!pos || closingOrderSide(pos.side) !== req.side) {
      reject('reduceOnlyNoPosition', `a reduce-only ${req.side} needs an open ${req.side === 'sell' ? 'long' : 'short'} ${m.symbol} position`, 'reduceOnly');
    }
  }

  if (trigger && needsTrigger) {
    const watched = watchedPrice(m, triggerSource);
    const dir = triggerDirection(type, req.side);
    const fires = dir === 'down' ? watched.lte(trigger) : watched.gte(trigger);
    if (fires) {
      reject(
        'wouldTriggerImmediately',
        `a ${req.side} ${type} at ${trigger.toFixed()} would trigger at once: the ${triggerSource} price is ${watched.toFixed()} (it fires when the price ${dir === 'down' ? 'falls to' : 'rises to'} the trigger)`,
        'triggerPrice',
      );
    }
  }

  const bracket = req.attached ? validateBracket(m, req.side, price ?? m.last, req) : null;
  return {
    req,
    qty,
    price,
    trigger,
    triggerSource,
    timeInForce: req.timeInForce ?? 'GTC',
    callbackRate,
    activation,
    reduceOnly,
    bracket,
  };
}

function validateBracket(m: MarketState, side: OrderSide, entryRef: Dec, req: OrderRequest): PlannedBracket {
  const attached = req.attached!;
  const long = side === 'buy';
  let stopLoss: PlannedBracket['stopLoss'] = null;
  if (attached.stopLoss) {
    const trigger = new Dec(attached.stopLoss.triggerPrice);
    onTick(m, trigger, 'attached.stopLoss.triggerPrice');
    if (long ? trigger.gte(entryRef) : trigger.lte(entryRef)) {
      reject('stopWrongSide', `the stop-loss of a ${long ? 'long' : 'short'} entry near ${entryRef.toFixed()} must be ${long ? 'below' : 'above'} it`, 'attached.stopLoss.triggerPrice');
    }
    stopLoss = { trigger, source: attached.stopLoss.triggerSource ?? 'mark' };
  }
  let total = 0;
  const takeProfits = (attached.takeProfits ?? []).map((r, i) => {
    const trigger = new Dec(r.triggerPrice);
    const price = r.price ? new Dec(r.price) : null;
    onTick(m, trigger, `attached.takeProfits.${i}.triggerPrice`);
    onTick(m, price, `attached.takeProfits.${i}.price`);
    if (long ? trigger.lte(entryRef) : trigger.gte(entryRef)) {
      reject('takeProfitWrongSide', `take-profit ${i + 1} of a ${long ? 'long' : 'short'} entry near ${entryRef.toFixed()} must be ${long ? 'above' : 'below'} it`, `attached.takeProfits.${i}.triggerPrice`);
    }
    total += r.fraction;
    return { trigger, fraction: r.fraction, price, source: r.triggerSource ?? 'mark' };
  });
  if (total > 1 + 1e-9) reject('ladderOverOne', `take-profit fractions add up to ${total}, more than the whole entry`, 'attached.takeProfits');
  return { stopLoss, takeProfits };
}
