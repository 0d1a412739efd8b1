import type { Handler } from '../types';

export const tradingFills: Handler<'trading.fills'> = (input, s) => s.trading.queries.history.fills('me', input.offset, input.limit);
