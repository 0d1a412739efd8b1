import type { Handler } from '../types';

export const tradingSetMarginMode: Handler<'trading.setMarginMode'> = (input, s) => {
  s.trading.command({ type: 'setMarginMode', symbol: input.symbol, mode: input.mode });
  return s.trading.queries.state();
};
