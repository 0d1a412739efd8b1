import type { Handler } from '../types';

export const journalStats: Handler<'journal.stats'> = (input, s) => s.journal.stats(input.filter, input.convertTo);
