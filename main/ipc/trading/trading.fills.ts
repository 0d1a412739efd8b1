import type { Handler } from '../types';
import { freshHistory } from './fresh-history';

export const tradingFills: Handler<'trading.fills'> = (input, s) => freshHistory(s).fills('me', input.offset, input.limit);
