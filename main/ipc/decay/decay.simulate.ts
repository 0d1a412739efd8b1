import { SeriesPathError } from '../../analytics/decay/series-path';
import { LabInputError } from '../../analytics/decay/lab';
import { RiskInputError } from '#shared/risk/errors';
import { AppError } from '../app-error';
import type { Handler } from '../types';

export const decaySimulate: Handler<'decay.simulate'> = async (input, s) => {
  try {
    return await s.decay.simulate(input, s.workspace.path);
  } catch (err) {
    if (err instanceof SeriesPathError || err instanceof LabInputError || err instanceof RiskInputError) throw new AppError('BAD_INPUT', err.message);
    throw err;
  }
};
