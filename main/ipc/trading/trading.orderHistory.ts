import type { Handler } from '../types';

export const tradingOrderHistory: Handler<'trading.orderHistory'> = (input, s) => s.trading.queries.history.orders('me', input.offset, input.limit);
