import type { Handler } from '../types';

export const tradingFunding: Handler<'trading.funding'> = (input, s) => s.trading.queries.history.funding('me', input.offset, input.limit);
