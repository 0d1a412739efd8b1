import { tripChart } from '../../journal/trip-chart';
import { AppError } from '../app-error';
import type { Handler } from '../types';

export const journalTrip: Handler<'journal.trip'> = (input, s) => {
  const found = s.journal.trip(input.id);
  if (!found) throw new AppError('NOT_FOUND', `no trip ${input.id} in the journal`);
  const chart = tripChart(s.workspace.db, found.trip);
  return { trip: found.trip, fills: found.fills, candles: chart.candles, chartNote: chart.note };
};
