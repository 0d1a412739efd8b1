import type { Handler } from '../types';

export const marketDeleteSeries: Handler<'market.deleteSeries'> = (input, s) => ({ deleted: s.market.deleteSeries(input.seriesId) });
