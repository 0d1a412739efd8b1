import type { Handler } from '../types';

export const tradingPreview: Handler<'trading.preview'> = (input, s) => s.trading.queries.preview(input);
