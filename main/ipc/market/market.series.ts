import type { Handler } from '../types';

export const marketSeries: Handler<'market.series'> = (_input, s) => ({
  series: s.market.series(),
  funding: s.market.fundingSeries(),
  depth: s.market.depthSeries(),
  importing: s.market.importing,
});
