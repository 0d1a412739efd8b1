import type { OrderView } from '#shared/domain/trading-orders';
import { toWire, toWireOrNull } from '#shared/money/decimal';
import type { EngineContext } from '../context';
import type { Order } from '../model/order';

export function orderView(o: Order): OrderView {
  return {
    id: o.id,
    clientOrderId: o.clientOrderId,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    status: o.status,
    quantity: toWire(o.qty),
    filledQuantity: toWire(o.filled),
    averagePrice: o.filled.gt(0) ? toWire(o.filledValue.div(o.filled)) : null,
    price: toWireOrNull(o.price),
    triggerPrice: toWireOrNull(o.trigger),
    triggerSource: o.triggerSource,
    timeInForce: o.timeInForce,
    reduceOnly: o.reduceOnly,
    closePosition: o.closePosition,
    callbackRate: toWireOrNull(o.callbackRate),
    activationPrice: toWireOrNull(o.activation),
    trailingExtreme: toWireOrNull(o.trailingExtreme),
    parentId: o.parentId,
    role: o.role,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    reason: o.reason,
  };
}

/** Reports an order's new state (history accounts only). */
export function reportOrder(ctx: EngineContext, o: Order): void {
  const account = ctx.state.accounts.get(o.account);
  if (account?.history) ctx.effects.push({ kind: 'order', order: orderView(o), account: o.account });
}
