import type { Handler } from '../types';

export const tradingSetLeverage: Handler<'trading.setLeverage'> = (input, s) => {
  s.trading.command({ type: 'setLeverage', symbol: input.symbol, leverage: input.leverage });
  return s.trading.queries.state();
};
