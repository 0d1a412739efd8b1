import type { Handler } from '../types';

/**
 * The first page of an engine is prepared in slices (TradingQueries.prepareCrowd); if the engine
 * page's order for a sort not cached yet likewise (prepareCrowdPage); if the engine
 * went mid-event meanwhile (a big funding settlement), the page waits for it, as the call did.
 */
export const tradingCrowd: Handler<'trading.crowd'> = async (input, s) => {
  await s.trading.queries.prepareCrowd();
  await s.trading.queries.prepareCrowdPage(input);
  if (s.trading.busy) await s.trading.settled();
  return s.trading.queries.crowd(input);
};
