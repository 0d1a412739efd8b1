import type { Handler } from '../types';
import { freshHistory } from './fresh-history';

export const tradingOrderHistory: Handler<'trading.orderHistory'> = (input, s) => freshHistory(s).orders('me', input.offset, input.limit);
