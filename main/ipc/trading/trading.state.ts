import type { Handler } from '../types';

export const tradingState: Handler<'trading.state'> = (_input, s) => s.trading.queries.state();
