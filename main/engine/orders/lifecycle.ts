import type { OrderReason, OrderSide, OrderStatus } from '#shared/domain/trading-orders';
import { Dec, ZERO, compactDigits, floorTo } from '#shared/money/decimal';
import type { EngineContext } from '../context';
import { closingOrderSide, type Account } from '../model/account';
import { isFinal, transition, type Order, type OrderRole, type PlannedBracket } from '../model/order';
import type { TriggerSource, OrderType, TimeInForce } from '#shared/domain/trading-orders';
import { nextId } from '../state/engine-state';
import { reportOrder } from './order-view';

export interface NewOrderFields {
  readonly account: Account;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly qty: Dec;
  readonly price: Dec | null;
  readonly trigger: Dec | null;
  readonly triggerSource: TriggerSource;
  readonly timeInForce: TimeInForce;
  readonly reduceOnly: boolean;
  readonly closePosition: boolean;
  readonly callbackRate: Dec | null;
  readonly activation: Dec | null;
  readonly clientOrderId: string | null;
  readonly parentId: number | null;
  readonly role: OrderRole | null;
  readonly bracket: PlannedBracket | null;
  readonly fraction: number | null;
  readonly rung: number | null;
  readonly status: OrderStatus;
}

/** Creates an order record (not yet registered as live). */
export function newOrder(ctx: EngineContext, f: NewOrderFields): Order {
  const t = ctx.state.t;
  return {
    id: nextId(ctx.state, 'order'),
    account: f.account.id,
    clientOrderId: f.clientOrderId,
    symbol: f.symbol,
    side: f.side,
    type: f.type,
    status: f.status,
    qty: f.qty,
    filled: ZERO,
    filledValue: ZERO,
    price: f.price,
    trigger: f.trigger && compactDigits(f.trigger),
    triggerSource: f.triggerSource,
    timeInForce: f.timeInForce,
    reduceOnly: f.reduceOnly || f.closePosition,
    closePosition: f.closePosition,
    callbackRate: f.callbackRate,
    activation: f.activation,
    trailingExtreme: null,
    triggered: false,
    parentId: f.parentId,
    role: f.role,
    bracket: f.bracket,
    fraction: f.fraction,
    rung: f.rung,
    createdAt: t,
    updatedAt: t,
    reason: 'placed',
  };
}

/** Makes a live order visible: in its account, in the price indexes, in the history. */
export function registerLive(ctx: EngineContext, order: Order): void {
  const account = ctx.state.accounts.get(order.account)!;
  account.orders.set(order.id, order);
  ctx.idx.orders.place(order);
  reportOrder(ctx, order);
}

/** Moves an order to a final status and out of every index. */
export function finishOrder(ctx: EngineContext, order: Order, status: 'filled' | 'canceled' | 'expired', reason: OrderReason): void {
  transition(order, status, reason, ctx.state.t);
  ctx.state.accounts.get(order.account)?.orders.delete(order.id);
  ctx.idx.orders.forget(order);
  reportOrder(ctx, order);
}

/** Records a fill on an order (quantity and value); status follows. */
export function recordOrderFill(order: Order, qty: Dec, price: Dec): void {
  order.filled = order.filled.plus(qty);
  order.filledValue = order.filledValue.plus(qty.mul(price));
}

/** Cancels the account's live orders on a symbol (all symbols when null). Returns how many. */
export function cancelAccountOrders(ctx: EngineContext, account: Account, symbol: string | null, reason: OrderReason): number {
  const doomed = [...account.orders.values()].filter((o) => symbol === null || o.symbol === symbol).sort((a, b) => a.id - b.id);
  for (const o of doomed) finishOrder(ctx, o, 'canceled', reason);
  return doomed.length;
}

/**
 * Keeps reduce-only orders honest after the position changed: an order that could no longer
 * reduce anything is canceled, one larger than the position is cut to its size. This is how an
 * attached stop follows the position as take-profits scale it out.
 */
export function syncReduceOnly(ctx: EngineContext, account: Account, symbol: string): void {
  const pos = account.positions.get(symbol);
  const live = [...account.orders.values()].filter((o) => o.symbol === symbol && o.reduceOnly).sort((a, b) => a.id - b.id);
  for (const o of live) {
    if (isFinal(o.status)) continue;
    const reduces = pos !== undefined && closingOrderSide(pos.side) === o.side;
    if (!reduces) {
      finishOrder(ctx, o, 'canceled', 'positionClosed');
      continue;
    }
    if (o.closePosition) continue;
    const rest = o.qty.minus(o.filled);
    if (rest.gt(pos.qty)) {
      o.qty = o.filled.plus(pos.qty);
      o.reason = 'resized';
      o.updatedAt = ctx.state.t;
      reportOrder(ctx, o);
    }
  }
}

/**
 * After an entry with an attached bracket fills (partly or fully): the stop covers everything
 * filled so far, each take-profit rung its fraction of it (floored to the step). Children are
 * reduce-only, so syncReduceOnly then trims them to the position.
 */
export function syncBracket(ctx: EngineContext, entry: Order, stepSize: Dec): void {
  const plan = entry.bracket;
  if (!plan || entry.filled.lte(0)) return;
  const account = ctx.state.accounts.get(entry.account)!;
  const children = [...account.orders.values()].filter((o) => o.parentId === entry.id);
  const closeSide: OrderSide = entry.side === 'buy' ? 'sell' : 'buy';
  const base = {
    account,
    symbol: entry.symbol,
    side: closeSide,
    timeInForce: 'GTC' as const,
    reduceOnly: true,
    closePosition: false,
    callbackRate: null,
    activation: null,
    clientOrderId: null,
    parentId: entry.id,
    bracket: null,
    status: 'pending' as const,
  };
  if (plan.stopLoss) {
    const stop = children.find((o) => o.role === 'stopLoss');
    if (stop) {
      if (stop.qty.lt(entry.filled)) {
        stop.qty = entry.filled;
        stop.reason = 'resized';
        stop.updatedAt = ctx.state.t;
        reportOrder(ctx, stop);
      }
    } else {
      const o = newOrder(ctx, {
        ...base,
        type: 'stopMarket',
        qty: entry.filled,
        price: null,
        trigger: plan.stopLoss.trigger,
        triggerSource: plan.stopLoss.source,
        role: 'stopLoss',
        fraction: null,
        rung: null,
      });
      registerLive(ctx, o);
    }
  }
  plan.takeProfits.forEach((rung, i) => {
    const qty = floorTo(entry.filled.mul(new Dec(rung.fraction)), stepSize);
    if (qty.lte(0)) return;
    const existing = children.find((o) => o.role === 'takeProfit' && o.rung === i);
    if (existing) {
      if (existing.qty.lt(qty)) {
        existing.qty = qty;
        existing.reason = 'resized';
        existing.updatedAt = ctx.state.t;
        reportOrder(ctx, existing);
      }
      return;
    }
    const o = newOrder(ctx, {
      ...base,
      type: rung.price ? 'takeProfitLimit' : 'takeProfitMarket',
      qty,
      price: rung.price,
      trigger: rung.trigger,
      triggerSource: rung.source,
      role: 'takeProfit',
      fraction: rung.fraction,
      rung: i,
    });
    registerLive(ctx, o);
  });
}
