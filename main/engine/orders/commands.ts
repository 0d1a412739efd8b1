import type { AmendRequest, OrderRequest } from '#shared/domain/trading-orders';
import { Dec, ZERO, isMultipleOf } from '#shared/money/decimal';
import { walkBook } from '../book/walk';
import { market, reject, type EngineContext } from '../context';
import { closingOrderSide, type Account } from '../model/account';
import { isConditional, restsAtLimit, triggerDirection, type Order } from '../model/order';
import { executeMarket, fillableNow, goLiveLimit, isMarketable } from './execute';
import { finishOrder, newOrder, registerLive, syncReduceOnly } from './lifecycle';
import { checkOpening, checkTake } from './opening-check';
import { reportOrder } from './order-view';
import { activateTrailing } from './trailing';
import { validateRequest, watchedPrice, type OrderDraft } from './validate';

/**
 * Places an order. Everything that can refuse it runs before anything changes: the static
 * checks, then the ones that need the book (post-only, fill-or-kill, liquidity) and the margin.
 */
export function placeOrder(ctx: EngineContext, account: Account, req: OrderRequest): Order {
  const m = market(ctx, req.symbol);
  const d = validateRequest(account, m, req);
  preflightOrder(ctx, account, d);
  const conditional = isConditional(req.type);
  const order = newOrder(ctx, {
    account,
    symbol: req.symbol,
    side: req.side,
    type: req.type,
    qty: d.qty ?? ZERO,
    price: d.price,
    trigger: d.trigger,
    triggerSource: d.triggerSource,
    timeInForce: d.timeInForce,
    reduceOnly: d.reduceOnly,
    closePosition: req.closePosition === true,
    callbackRate: d.callbackRate,
    activation: d.activation,
    clientOrderId: req.clientOrderId ?? null,
    parentId: null,
    role: d.bracket ? 'entry' : null,
    bracket: d.bracket,
    fraction: null,
    rung: null,
    status: conditional ? 'pending' : 'open',
  });
  if (conditional) {
    if (order.type === 'trailingStop') activateTrailing(m, order, watchedPrice(m, order.triggerSource));
    registerLive(ctx, order);
    // A reduce-only order larger than the position is cut to it now, as it would be at any change.
    if (order.reduceOnly) syncReduceOnly(ctx, account, order.symbol);
  } else if (order.type === 'market') {
    reportOrder(ctx, order);
    executeMarket(ctx, order);
  } else {
    goLiveLimit(ctx, order);
  }
  return order;
}

/** Checks that need the book or the margin; throws a rejection, changes nothing. */
export function preflightOrder(ctx: EngineContext, account: Account, d: OrderDraft): void {
  const m = market(ctx, d.req.symbol);
  const side = d.req.side;
  if (isConditional(d.req.type) || !d.qty) return; // margin is checked when a conditional order fires
  const qty = d.reduceOnly ? Dec.min(d.qty, reducible(account, d.req.symbol, side)) : d.qty;
  if (d.req.type === 'market') {
    const walk = walkBook(m.quote(), side, qty, null);
    if (walk.filled.isZero()) reject('noLiquidity', `the modeled ${m.symbol} book has no liquidity for this order`, 'quantity');
    // Priced by the walk execution will make (close first, then open on the displaced book).
    const verdict = checkTake(ctx, account, m, side, qty, null);
    if (!verdict.ok) reject(verdict.code, verdict.message, 'quantity');
    return;
  }
  const price = d.price!;
  const marketable = isMarketable(m, { side }, price);
  if (d.timeInForce === 'postOnly' && marketable) {
    reject('postOnlyWouldTake', `a post-only ${side} at ${price.toFixed()} would take liquidity now (best ${side === 'buy' ? 'ask' : 'bid'} is on the other side of it)`, 'price');
  }
  if (d.timeInForce === 'FOK' && !fillableNow(m, { side }, qty, price)) {
    reject('fokUnfilled', `fill-or-kill: the modeled book cannot fill ${qty.toFixed()} at ${price.toFixed()} or better now`, 'quantity');
  }
  const verdict = checkOpening(ctx, account, m, side, qty, price);
  if (!verdict.ok) reject(verdict.code, verdict.message, 'quantity');
  // What crosses the book fills at the book's prices, which can be far beyond the limit (a book
  // pushed away by earlier takers): that part is priced by the walk it will make, as a market
  // order is. Checked at the limit alone, a sell could open a short worth more than the wallet.
  if (marketable) {
    const take = checkTake(ctx, account, m, side, qty, price);
    if (!take.ok) reject(take.code, take.message, 'quantity');
  }
}

function reducible(account: Account, symbol: string, side: 'buy' | 'sell'): Dec {
  const pos = account.positions.get(symbol);
  return pos && closingOrderSide(pos.side) === side ? pos.qty : ZERO;
}

export function liveOrder(account: Account, orderId: number): Order {
  const o = account.orders.get(orderId);
  if (!o) reject('orderNotFound', `order ${orderId} is not open (it may have filled, expired or been canceled)`, 'orderId');
  return o;
}

export function cancelOrder(ctx: EngineContext, account: Account, orderId: number): Order {
  const o = liveOrder(account, orderId);
  finishOrder(ctx, o, 'canceled', 'canceledByUser');
  return o;
}

export function cancelAll(ctx: EngineContext, account: Account, symbol: string | undefined): number {
  if (symbol !== undefined) market(ctx, symbol);
  const doomed = [...account.orders.values()].filter((o) => symbol === undefined || o.symbol === symbol).sort((a, b) => a.id - b.id);
  for (const o of doomed) finishOrder(ctx, o, 'canceled', 'canceledByUser');
  return doomed.length;
}

/**
 * Changes the quantity, limit price or trigger of a live order, with the same checks as a new
 * one. An amend that would make a resting limit take liquidity is refused: cancel and send a
 * marketable order instead (the engine has no queue to keep, so nothing is lost).
 */
export function amendOrder(ctx: EngineContext, account: Account, a: AmendRequest): Order {
  const o = liveOrder(account, a.orderId);
  const m = market(ctx, o.symbol);
  if (a.quantity === undefined && a.price === undefined && a.triggerPrice === undefined) reject('emptyAmend', 'nothing to change', 'orderId');
  if (a.price !== undefined && !restsAtLimit(o.type)) reject('unexpectedField', `a ${o.type} order has no limit price`, 'price');
  if (a.triggerPrice !== undefined && (!isConditional(o.type) || o.type === 'trailingStop' || o.status !== 'pending')) {
    reject('unexpectedField', 'only a waiting stop or take-profit has a trigger to move', 'triggerPrice');
  }
  if (a.quantity !== undefined && o.closePosition) reject('unexpectedField', 'a closePosition order has no quantity', 'quantity');
  const qty = a.quantity !== undefined ? new Dec(a.quantity) : o.qty;
  const price = a.price !== undefined ? new Dec(a.price) : o.price;
  const trigger = a.triggerPrice !== undefined ? new Dec(a.triggerPrice) : o.trigger;
  if (qty.lte(o.filled)) reject('quantityBelowFilled', `order ${o.id} has already filled ${o.filled.toFixed()}`, 'quantity');
  // Re-validate as a fresh request of the same shape (filters, band, triggers, reduce-only).
  const req: OrderRequest = {
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    ...(o.closePosition ? { closePosition: true } : { quantity: qty.toFixed() as OrderRequest['quantity'] }),
    ...(price ? { price: price.toFixed() as OrderRequest['price'] } : {}),
    ...(trigger && o.type !== 'trailingStop' ? { triggerPrice: trigger.toFixed() as OrderRequest['triggerPrice'] } : {}),
    ...(o.type === 'trailingStop' ? { callbackRate: o.callbackRate!.toFixed() as OrderRequest['callbackRate'] } : {}),
    ...(o.reduceOnly && !o.closePosition ? { reduceOnly: true } : {}),
    triggerSource: o.triggerSource,
    ...(restsAtLimit(o.type) ? { timeInForce: o.timeInForce } : {}),
  };
  // A stop-limit that already fired rests as a plain limit: its old trigger is history.
  const resting = o.status !== 'pending' && isConditional(o.type);
  validateRequest(account, m, resting ? { ...req, type: 'limit', triggerPrice: undefined } : req);
  if (!isMultipleOf(qty, m.spec.stepSize)) reject('step', `quantity must be a multiple of the step ${m.spec.stepSize.toFixed()}`, 'quantity');
  if ((o.status === 'open' || o.status === 'partiallyFilled') && price && isMarketable(m, o, price)) {
    reject('amendWouldTake', `at ${price.toFixed()} the order would take liquidity now; cancel it and send a marketable order instead`, 'price');
  }
  if (!o.reduceOnly && restsAtLimit(o.type) && o.status !== 'pending' && price) {
    const extra = qty.minus(o.qty);
    if (extra.gt(0)) {
      const verdict = checkOpening(ctx, account, m, o.side, extra, price);
      if (!verdict.ok) reject(verdict.code, verdict.message, 'quantity');
    }
  }
  if (o.status === 'pending' && trigger && o.type !== 'trailingStop') {
    const dir = triggerDirection(o.type, o.side);
    const w = watchedPrice(m, o.triggerSource);
    if (dir === 'down' ? w.lte(trigger) : w.gte(trigger)) reject('wouldTriggerImmediately', `the ${o.triggerSource} price ${w.toFixed()} is already past ${trigger.toFixed()}`, 'triggerPrice');
  }
  o.qty = qty;
  o.price = price;
  o.trigger = o.type === 'trailingStop' ? o.trigger : trigger;
  o.reason = 'amended';
  o.updatedAt = ctx.state.t;
  ctx.idx.orders.place(o);
  reportOrder(ctx, o);
  return o;
}

/** Market-closes the whole position (reduce-only). */
export function closePosition(ctx: EngineContext, account: Account, symbol: string): Order {
  const pos = account.positions.get(symbol);
  if (!pos) reject('noPosition', `there is no open ${symbol} position to close`, 'symbol');
  return placeOrder(ctx, account, {
    symbol,
    side: closingOrderSide(pos.side),
    type: 'market',
    quantity: pos.qty.toFixed() as OrderRequest['quantity'],
    reduceOnly: true,
  });
}
