import type { Handler } from '../types';

export const tradingDeposit: Handler<'trading.deposit'> = (input, s) => {
  s.trading.command({ type: 'deposit', amount: input.amount });
  return s.trading.queries.account();
};
