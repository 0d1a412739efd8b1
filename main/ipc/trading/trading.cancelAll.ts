import type { Handler } from '../types';

export const tradingCancelAll: Handler<'trading.cancelAll'> = (input, s) => {
  const before = s.trading.queries.openOrders().filter((o) => input.symbol === undefined || o.symbol === input.symbol).length;
  s.trading.command({ type: 'cancelAll', ...(input.symbol === undefined ? {} : { symbol: input.symbol }) });
  return { canceled: before };
};
