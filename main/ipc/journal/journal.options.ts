import type { Handler } from '../types';

export const journalOptions: Handler<'journal.options'> = (_input, s) => s.journal.options();
