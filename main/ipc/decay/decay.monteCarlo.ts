import { McCancelled } from '../../analytics/decay/mc-pool';
import { AppError } from '../app-error';
import type { Handler } from '../types';

export const decayMonteCarlo: Handler<'decay.monteCarlo'> = async (input, s) => {
  try {
    return await s.decay.monteCarlo(input);
  } catch (err) {
    if (err instanceof McCancelled) throw new AppError('CONFLICT', err.message);
    throw err;
  }
};
