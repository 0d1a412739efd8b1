import type { Handler } from '../types';

export const tradingMarket: Handler<'trading.market'> = (input, s) => s.trading.queries.market(input.symbol);
