import { AppError } from '../app-error';
import type { Handler } from '../types';
import { freshHistory } from './fresh-history';

export const tradingLiquidation: Handler<'trading.liquidation'> = (input, s) => {
  const l = freshHistory(s).liquidation(input.id);
  if (!l) throw new AppError('NOT_FOUND', `no liquidation ${input.id}`);
  return l;
};
