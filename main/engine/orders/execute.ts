import { Dec, ZERO, toWire } from '#shared/money/decimal';
import { bestPrice, walkBook } from '../book/walk';
import type { EngineContext } from '../context';
import { closingOrderSide, type Account } from '../model/account';
import type { MarketState } from '../model/market';
import { transition, type Order } from '../model/order';
import { changeInsurance } from '../ledger/insurance';
import { bookFill, planTake, takeFromBook } from './book-fill';
import { finishOrder, recordOrderFill, syncBracket, syncReduceOnly } from './lifecycle';
import { checkOpening, checkTake, checkTakePlan, openingPart } from './opening-check';
import { initialMargin, tradingFee } from '#shared/risk/index';
import { reportOrder } from './order-view';

/** What a reduce-only (or close-position) order may still take: the position it faces, if any. */
export function reducibleQty(account: Account, order: Order): Dec {
  const pos = account.positions.get(order.symbol);
  if (!pos || closingOrderSide(pos.side) !== order.side) return ZERO;
  if (order.closePosition) return pos.qty;
  return Dec.min(order.qty.minus(order.filled), pos.qty);
}

/** The quantity an order would trade now (reduce-only clipped to the position). */
export function executableQty(account: Account, order: Order): Dec {
  return order.reduceOnly ? reducibleQty(account, order) : order.qty.minus(order.filled);
}

/** A close that fell beyond bankruptcy despite protection (a safety net): the fund covers the gap. */
function settleShortfall(ctx: EngineContext, account: Account, shortfall: Dec): void {
  if (shortfall.gte(0)) return;
  changeInsurance(ctx, shortfall, 'bankruptcy', null, account.id);
}

/** After fills on an account's symbol: bracket children, reduce-only trims, history. */
export function afterFills(ctx: EngineContext, account: Account, order: Order | null, symbol: string): void {
  const m = ctx.state.markets.get(symbol)!;
  if (order?.bracket) syncBracket(ctx, order, m.spec.stepSize);
  syncReduceOnly(ctx, account, symbol);
  if (account.history) ctx.effects.push({ kind: 'position', account: account.id, symbol });
}

/**
 * A market-type order executes now (a market order, or a stop / take-profit / trailing stop
 * that fired): it walks the book; what the book, the price protection or the margin cannot take
 * expires.
 */
export function executeMarket(ctx: EngineContext, order: Order): void {
  const account = ctx.state.accounts.get(order.account)!;
  const m = ctx.state.markets.get(order.symbol)!;
  if (order.closePosition) {
    const q = reducibleQty(account, order);
    order.qty = order.filled.plus(q);
  }
  const qty = executableQty(account, order);
  if (qty.lte(0)) {
    finishOrder(ctx, order, 'expired', 'reduceOnlyNothingToReduce');
    return;
  }
  // Checked against the walk it is about to make (not the best quote): a deep walk into a thin
  // book costs more margin than its first price suggests. What it cannot afford, it does not
  // start: the whole order expires, as a conditional order that cannot pay does on Binance.
  const plan = planTake(ctx, account, m, order.side, qty, null);
  if (!checkTakePlan(ctx, account, m, order.side, plan, m.profile.fees.taker).ok) {
    finishOrder(ctx, order, 'expired', 'marginInsufficient');
    return;
  }
  ctx.idx.orders.unindex(order);
  const r = takeFromBook(ctx, account, m, order.side, qty, null, m.profile.fees.taker, order.id, (f) => recordOrderFill(order, f.qty, f.price), plan);
  settleShortfall(ctx, account, r.shortfall);
  if (r.filled.gte(qty) && r.filled.gt(0) && order.filled.gte(order.qty)) {
    finishOrder(ctx, order, 'filled', 'filled');
  } else if (r.filled.gte(qty) && r.filled.gt(0)) {
    // A reduce-only order clipped to the position: what it could do, it did.
    finishOrder(ctx, order, 'filled', 'filled');
  } else {
    finishOrder(ctx, order, 'expired', r.stoppedBy === 'protection' ? 'priceProtection' : 'noLiquidity');
  }
  afterFills(ctx, account, order, m.symbol);
}

/** Whether a limit at `price` would take liquidity right now. */
export function isMarketable(m: MarketState, order: Pick<Order, 'side'>, price: Dec): boolean {
  const best = bestPrice(m.quote(), order.side);
  return order.side === 'buy' ? price.gte(best) : price.lte(best);
}

/** Whether the book could fill `qty` at or better than `price` right now (FOK). */
export function fillableNow(m: MarketState, order: Pick<Order, 'side'>, qty: Dec, price: Dec): boolean {
  return walkBook(m.quote(), order.side, qty, price).filled.gte(qty);
}

/**
 * A limit order goes live (placed, or a stop-limit / take-profit-limit that fired): what crosses
 * the book is taken up to the limit (unless post-only), the rest rests (GTC, post-only) or
 * expires (IOC, FOK).
 */
export function goLiveLimit(ctx: EngineContext, order: Order): void {
  const account = ctx.state.accounts.get(order.account)!;
  const m = ctx.state.markets.get(order.symbol)!;
  const price = order.price!;
  const wanted = executableQty(account, order);
  if (order.reduceOnly && wanted.lte(0)) {
    finishOrder(ctx, order, 'expired', 'reduceOnlyNothingToReduce');
    return;
  }
  // A stop-limit / take-profit-limit that just fired holds no margin yet: check it now, as a
  // conditional market order is checked when it fires.
  // What crosses the book is also priced by the walk it will make (preflightOrder's check).
  const marketable = isMarketable(m, order, price);
  const affordable = () => checkOpening(ctx, account, m, order.side, wanted, price).ok && (!marketable || order.timeInForce === 'postOnly' || checkTake(ctx, account, m, order.side, wanted, price).ok);
  if (order.triggered && !order.reduceOnly && !affordable()) {
    finishOrder(ctx, order, 'expired', 'marginInsufficient');
    return;
  }
  if (order.timeInForce === 'postOnly' && marketable) {
    finishOrder(ctx, order, 'expired', 'postOnlyWouldTake');
    return;
  }
  if (order.timeInForce === 'FOK' && !fillableNow(m, order, wanted, price)) {
    finishOrder(ctx, order, 'expired', 'fokUnfilled');
    return;
  }
  let took = false;
  if (marketable && order.timeInForce !== 'postOnly') {
    ctx.idx.orders.unindex(order);
    const r = takeFromBook(ctx, account, m, order.side, wanted, price, m.profile.fees.taker, order.id, (f) => recordOrderFill(order, f.qty, f.price));
    settleShortfall(ctx, account, r.shortfall);
    took = r.filled.gt(0);
  }
  const left = order.reduceOnly ? reducibleQty(account, order) : order.qty.minus(order.filled);
  if (order.filled.gte(order.qty) || (order.reduceOnly && took && left.lte(0))) {
    finishOrder(ctx, order, 'filled', 'filled');
  } else if (order.timeInForce === 'IOC' || order.timeInForce === 'FOK') {
    finishOrder(ctx, order, 'expired', 'iocRemainder');
  } else {
    transition(order, order.filled.gt(0) ? 'partiallyFilled' : 'open', order.filled.gt(0) ? 'partialFill' : order.reason, ctx.state.t);
    ctx.state.accounts.get(order.account)!.orders.set(order.id, order);
    ctx.idx.orders.place(order);
    reportOrder(ctx, order);
  }
  if (took) afterFills(ctx, account, order, m.symbol);
  else if (order.reduceOnly) syncReduceOnly(ctx, account, m.symbol);
}

/** A resting limit the market traded through fills whole at its own price, as a maker. */
export function fillResting(ctx: EngineContext, order: Order): void {
  const account = ctx.state.accounts.get(order.account)!;
  const m = ctx.state.markets.get(order.symbol)!;
  const qty = executableQty(account, order);
  if (qty.lte(0)) {
    finishOrder(ctx, order, 'canceled', 'reduceOnlyNothingToReduce');
    return;
  }
  const price = order.price!;
  if (!canPayOpening(account, m, order.side, qty, price)) {
    // The wallet no longer holds the margin this order reserved (realised losses or funding
    // since): it cannot open, so it leaves the book rather than take the wallet below zero.
    finishOrder(ctx, order, 'expired', 'marginInsufficient');
    return;
  }
  const out = bookFill(ctx, account, m, order.side, qty, price, m.profile.fees.maker, 'maker', order.id, null);
  settleShortfall(ctx, account, out.shortfall);
  recordOrderFill(order, qty, price);
  if (order.filled.gte(order.qty) || order.reduceOnly) finishOrder(ctx, order, 'filled', 'filled');
  else {
    transition(order, 'partiallyFilled', 'partialFill', ctx.state.t);
    reportOrder(ctx, order);
  }
  afterFills(ctx, account, order, m.symbol);
}

/** Whether the cross wallet can pay the initial margin and maker fee of what the fill would open. */
function canPayOpening(account: Account, m: MarketState, side: Order['side'], qty: Dec, price: Dec): boolean {
  const opening = openingPart(account, m.symbol, side, qty);
  if (opening.lte(0)) return true;
  const lev = new Dec(account.settings.get(m.symbol)?.leverage ?? 1);
  const value = opening.mul(price).mul(m.spec.contractSize);
  const needed = initialMargin(value, lev).plus(tradingFee(qty.mul(price).mul(m.spec.contractSize), m.profile.fees.maker));
  return account.wallet.gte(needed);
}

/** A conditional order's trigger fired: it becomes a market or a limit order now. */
export function fireConditional(ctx: EngineContext, order: Order, watched: Dec): void {
  order.triggered = true;
  const account = ctx.state.accounts.get(order.account);
  if (account?.history) {
    ctx.effects.push({ kind: 'triggered', account: order.account, orderId: order.id, symbol: order.symbol, price: toWire(watched) });
  }
  ctx.idx.orders.unindex(order);
  switch (order.type) {
    case 'stopMarket':
    case 'takeProfitMarket':
    case 'trailingStop':
      executeMarket(ctx, order);
      return;
    case 'stopLimit':
    case 'takeProfitLimit':
      order.reason = 'triggered';
      goLiveLimit(ctx, order);
      return;
    case 'market':
    case 'limit':
      throw new Error(`order ${order.id} of type ${order.type} has no trigger`);
    default: {
      const never: never = order.type;
      throw new Error(`unknown order type ${String(never)}`);
    }
  }
}
