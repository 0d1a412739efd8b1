import type { Handler } from '../types';

export const tradingPositions: Handler<'trading.positions'> = (_input, s) => s.trading.queries.positions();
