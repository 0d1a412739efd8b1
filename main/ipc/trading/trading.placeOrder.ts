import type { Handler } from '../types';

export const tradingPlaceOrder: Handler<'trading.placeOrder'> = (input, s) => s.trading.orderCommand({ type: 'placeOrder', order: input });
