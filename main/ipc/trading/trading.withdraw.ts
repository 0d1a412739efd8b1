import type { Handler } from '../types';

export const tradingWithdraw: Handler<'trading.withdraw'> = (input, s) => {
  s.trading.command({ type: 'withdraw', amount: input.amount });
  return s.trading.queries.account();
};
