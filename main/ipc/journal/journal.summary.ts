import type { Handler } from '../types';

export const journalSummary: Handler<'journal.summary'> = (input, s) => s.journal.summary(input.account ?? null, input.convertTo);
