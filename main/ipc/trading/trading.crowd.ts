import type { Handler } from '../types';

export const tradingCrowd: Handler<'trading.crowd'> = (input, s) => s.trading.queries.crowdSoon(input);
