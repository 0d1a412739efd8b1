import type { Handler } from '../types';

export const journalTrips: Handler<'journal.trips'> = (input, s) => s.journal.trips(input.filter, input.offset, input.limit, input.sort);
