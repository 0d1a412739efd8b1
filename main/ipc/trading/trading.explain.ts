import type { Handler } from '../types';
import { freshHistory } from './fresh-history';

export const tradingExplain: Handler<'trading.explain'> = (input, s) => {
  // A funding payment is read from the history: commit the buffered market events first.
  if (input.kind === 'funding') freshHistory(s);
  return s.trading.queries.explain(input);
};
