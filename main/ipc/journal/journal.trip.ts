import { AppError } from '../app-error';
import type { Handler } from '../types';

export const journalTrip: Handler<'journal.trip'> = async (input, s) => {
  const found = await s.journal.trip(input.id);
  if (!found) throw new AppError('NOT_FOUND', `no trip ${input.id} in the journal`);
  return found;
};
