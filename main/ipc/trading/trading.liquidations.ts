import type { Handler } from '../types';

export const tradingLiquidations: Handler<'trading.liquidations'> = (input, s) => s.trading.queries.history.liquidations(input.scope, input.offset, input.limit);
