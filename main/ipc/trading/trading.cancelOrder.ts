import type { Handler } from '../types';
import { liveOrFinal } from './order-after';

export const tradingCancelOrder: Handler<'trading.cancelOrder'> = (input, s) => {
  s.trading.command({ type: 'cancelOrder', orderId: input.orderId });
  return liveOrFinal(s, input.orderId);
};
