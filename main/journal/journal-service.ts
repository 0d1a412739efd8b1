import type { JournalImportResult, JournalSummary } from '#shared/journal/journal-import';
import type { JournalFilter, JournalStats } from '#shared/journal/journal-stats';
import type { JournalTrip, TripAnnotation, TripFill } from '#shared/journal/journal-trip';
import type { Db } from '../store/db-types';
import { JournalRepo } from '../store/journal-repo';
import { importJournalFiles } from './import/import-journal';
import { bookSummary, buildJournalBook, type JournalBook } from './journal-book';
import { computeStats } from './stats/compute-stats';
import { filterTrips } from './stats/trip-filter';
import { sortTrips, type TripSort } from './stats/trip-sort';

/**
 * The Journal view's service: the book of round trips (rebuilt when the imported rows or the
 * paper history changed, cached otherwise), its pages, statistics, summary and annotations.
 */
export class JournalService {
  private cache: { book: JournalBook; stamp: string } | null = null;
  private readonly repo: JournalRepo;

  constructor(private readonly db: Db) {
    this.repo = new JournalRepo(db);
  }

  /** Cheap fingerprint of what the book is built from: it changes with any import or engine event. */
  private stamp(): string {
    const r = this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM journal_imports) AS imports, (SELECT MAX(id) FROM journal_imports) AS lastImport,
                (SELECT MAX(seq) FROM trading_events) AS seq, (SELECT COUNT(*) FROM trading_events) AS events, (SELECT COUNT(*) FROM plan_orders) AS planned`,
      )
      .get() as Record<string, number | null>;
    return JSON.stringify(r);
  }

  book(): JournalBook {
    const stamp = this.stamp();
    if (!this.cache || this.cache.stamp !== stamp) this.cache = { book: buildJournalBook(this.db), stamp };
    return this.cache.book;
  }

  import(paths: readonly string[], options: { account: string | null; preview: boolean; names?: readonly string[] }): JournalImportResult {
    const result = importJournalFiles(this.db, paths, options, () => buildJournalBook(this.db).trips.length);
    if (!options.preview) this.cache = null;
    return result;
  }

  trips(filter: JournalFilter, offset: number, limit: number, sort: TripSort | null): { total: number; rows: JournalTrip[] } {
    const rows = filterTrips(this.book().trips, filter);
    const sorted = sort ? sortTrips(rows, sort) : rows.reverse();
    return { total: sorted.length, rows: sorted.slice(offset, offset + limit) };
  }

  trip(id: string): { trip: JournalTrip; fills: TripFill[] } | null {
    const book = this.book();
    const trip = book.trips.find((t) => t.id === id);
    return trip ? { trip, fills: book.fills.get(id) ?? [] } : null;
  }

  stats(filter: JournalFilter): JournalStats {
    return computeStats(filterTrips(this.book().trips, filter), filter.asset);
  }

  summary(account: string | null): JournalSummary {
    return bookSummary(this.book(), account);
  }

  options(): { accounts: string[]; symbols: string[]; assets: string[]; tags: string[]; setups: string[] } {
    const trips = this.book().trips;
    const uniq = (xs: Iterable<string>) => [...new Set(xs)].filter((x) => x !== '').sort();
    return {
      accounts: this.book().accounts,
      symbols: uniq(trips.map((t) => t.symbol)),
      assets: uniq(trips.map((t) => t.asset)),
      tags: uniq(trips.flatMap((t) => t.annotation.tags)),
      setups: uniq(trips.map((t) => t.annotation.setup)),
    };
  }

  annotate(id: string, annotation: TripAnnotation): JournalTrip | null {
    const trip = this.book().trips.find((t) => t.id === id);
    if (!trip) return null;
    this.repo.saveAnnotation(id, annotation, Date.now());
    trip.annotation = annotation;
    return trip;
  }
}
