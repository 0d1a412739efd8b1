import { AppError } from '../app-error';
import type { Handler } from '../types';

export const tradingLiquidation: Handler<'trading.liquidation'> = (input, s) => {
  const l = s.trading.queries.history.liquidation(input.id);
  if (!l) throw new AppError('NOT_FOUND', `no liquidation ${input.id}`);
  return l;
};
