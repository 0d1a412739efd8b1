import { AppError } from '../app-error';
import type { Handler } from '../types';

export const marketBars: Handler<'market.bars'> = async (input, s) => {
  const bars = await s.market.barsPaged(input.seriesId, input.from ?? null, input.to ?? null, input.maxBars);
  if (!bars) throw new AppError('NOT_FOUND', `no series with id ${input.seriesId}`);
  return bars;
};
