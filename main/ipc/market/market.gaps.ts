import { AppError } from '../app-error';
import type { Handler } from '../types';

export const marketGaps: Handler<'market.gaps'> = (input, s) => {
  const series = s.market.candles.get(input.seriesId);
  if (!series) throw new AppError('NOT_FOUND', `no series with id ${input.seriesId}`);
  return { gaps: s.market.candles.gaps(series.id, series.interval, input.from ?? Number.MIN_SAFE_INTEGER, input.to ?? Number.MAX_SAFE_INTEGER, input.limit) };
};
