import type { Channel } from '#shared/ipc/contract';
import type { HandlerSlice } from '../types';
import { journalAnnotate } from './journal.annotate';
import { journalImport } from './journal.import';
import { journalOptions } from './journal.options';
import { journalStats } from './journal.stats';
import { journalSummary } from './journal.summary';
import { journalTrip } from './journal.trip';
import { journalTrips } from './journal.trips';

type JournalChannel = Extract<Channel, `journal.${string}`>;

export const journalHandlers = {
  'journal.trips': journalTrips,
  'journal.trip': journalTrip,
  'journal.stats': journalStats,
  'journal.summary': journalSummary,
  'journal.options': journalOptions,
  'journal.import': journalImport,
  'journal.annotate': journalAnnotate,
} satisfies HandlerSlice<JournalChannel>;
