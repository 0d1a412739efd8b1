import type { Handler } from '../types';

export const marketFunding: Handler<'market.funding'> = (input, s) => ({
  rates: s.market.fundingRange(input.venue, input.symbol, input.from ?? Number.MIN_SAFE_INTEGER, input.to ?? Number.MAX_SAFE_INTEGER),
});
