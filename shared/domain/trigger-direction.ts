import type { OrderSide, OrderType } from './trading-orders';

/**
 * Which way a conditional order fires, as the engine decides it (main/engine/model/order.ts):
 * a sell stop and a buy take-profit fire when the watched price falls to the trigger (≤), a buy
 * stop and a sell take-profit when it rises to it (≥). Shown wherever a trigger is written.
 */
export function triggerComparator(type: OrderType, side: OrderSide): '≥' | '≤' {
  const stopLike = type === 'stopMarket' || type === 'stopLimit' || type === 'trailingStop';
  const falls = stopLike ? side === 'sell' : side === 'buy';
  return falls ? '≤' : '≥';
}

/** "Mark ≥ 4,900.0": the watched price, the direction, the trigger as formatted by the caller. */
export function triggerText(o: { type: OrderType; side: OrderSide; triggerSource: 'mark' | 'last' }, price: string): string {
  return `${o.triggerSource === 'mark' ? 'Mark' : 'Last'} ${triggerComparator(o.type, o.side)} ${price}`;
}
