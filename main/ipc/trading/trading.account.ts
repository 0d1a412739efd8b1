import type { Handler } from '../types';

export const tradingAccount: Handler<'trading.account'> = (_input, s) => s.trading.queries.account();
