import type { Handler } from '../types';

export const tradingAdjustMargin: Handler<'trading.adjustMargin'> = (input, s) => {
  s.trading.command({ type: 'adjustMargin', symbol: input.symbol, amount: input.amount });
  return s.trading.queries.state();
};
