import type { Handler } from '../types';

export const tradingExplain: Handler<'trading.explain'> = (input, s) => s.trading.queries.explain(input);
