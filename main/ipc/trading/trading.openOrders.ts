import type { Handler } from '../types';

export const tradingOpenOrders: Handler<'trading.openOrders'> = (_input, s) => s.trading.queries.openOrders();
