import type { Handler } from '../types';

export const tradingClosePosition: Handler<'trading.closePosition'> = (input, s) => s.trading.orderCommand({ type: 'closePosition', symbol: input.symbol });
