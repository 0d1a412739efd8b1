import type { Handler } from '../types';
import { freshHistory } from './fresh-history';

export const tradingLiquidations: Handler<'trading.liquidations'> = (input, s) => freshHistory(s).liquidations(input.scope, input.offset, input.limit);
