import type { Handler } from '../types';

export const tradingBalance: Handler<'trading.balance'> = (input, s) => s.trading.queries.history.balance('me', input.offset, input.limit);
