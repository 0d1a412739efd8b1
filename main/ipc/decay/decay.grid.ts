import { McCancelled } from '../../analytics/decay/mc-pool';
import { AppError } from '../app-error';
import type { Handler } from '../types';

export const decayGrid: Handler<'decay.grid'> = async (input, s) => {
  try {
    return await s.decay.grid(input);
  } catch (err) {
    if (err instanceof McCancelled) throw new AppError('CONFLICT', err.message);
    throw err;
  }
};
