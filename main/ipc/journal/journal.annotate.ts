import { AppError } from '../app-error';
import type { Handler } from '../types';

export const journalAnnotate: Handler<'journal.annotate'> = async (input, s) => {
  const trip = await s.journal.annotate(input.id, input.annotation);
  if (!trip) throw new AppError('NOT_FOUND', `no trip ${input.id} in the journal`);
  return { trip };
};
