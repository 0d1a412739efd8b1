import type { Handler } from '../types';
import { freshHistory } from './fresh-history';

export const tradingFunding: Handler<'trading.funding'> = (input, s) => freshHistory(s).funding('me', input.offset, input.limit);
