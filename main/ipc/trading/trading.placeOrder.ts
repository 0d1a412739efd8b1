import { AppError } from '../app-error';
import type { Handler } from '../types';

export const tradingPlaceOrder: Handler<'trading.placeOrder'> = (input, s) => {
  const { planId, ...order } = input;
  // Checked before the command: a refused link must leave no order behind.
  if (planId !== undefined && !s.plans.exists(planId)) throw new AppError('NOT_FOUND', `no saved plan "${planId}": save the plan before placing orders from it`, { field: 'planId' });
  return s.trading.orderCommand({ type: 'placeOrder', order }, planId);
};
