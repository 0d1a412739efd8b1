import type { Handler } from '../types';
import { liveOrFinal } from './order-after';

export const tradingAmendOrder: Handler<'trading.amendOrder'> = (input, s) => {
  s.trading.command({ type: 'amendOrder', amend: input });
  return liveOrFinal(s, input.orderId);
};
