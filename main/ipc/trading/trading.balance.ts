import type { Handler } from '../types';
import { freshHistory } from './fresh-history';

export const tradingBalance: Handler<'trading.balance'> = (input, s) => freshHistory(s).balance('me', input.offset, input.limit);
