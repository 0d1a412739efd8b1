import type { JournalImportResult, JournalSummary } from '#shared/journal/journal-import';
import type { JournalFilter, JournalStats } from '#shared/journal/journal-stats';
import type { JournalTrip, TripAnnotation, TripFill } from '#shared/journal/journal-trip';
import type { Candle } from '#shared/domain/market-series';
import type { Db } from '../store/db-types';
import { JournalRepo } from '../store/journal-repo';
import { convertSummary } from './convert/convert-summary';
import { tripRates } from './convert/trip-rates';
import { importJournalFiles } from './import/import-journal';
import { bookSummary, buildJournalBook, type JournalBook } from './journal-book';
import { statsOver } from './stats/compute-stats';
import { tripColumns } from './stats/trip-columns';
import { filterIndices, filterTrips } from './stats/trip-filter';
import { sortTrips, type TripSort } from './stats/trip-sort';
import { tripChart } from './trip-chart';

export interface JournalImportOptions {
  readonly account: string | null;
  readonly preview: boolean;
  readonly names?: readonly string[];
}

export interface JournalTripDetail {
  readonly trip: JournalTrip;
  readonly fills: TripFill[];
  readonly candles: Candle[];
  readonly chartNote: string;
}

export type JournalOptions = { accounts: string[]; symbols: string[]; assets: string[]; tags: string[]; setups: string[] };

/**
 * The journal's work, synchronous, over one connection: the book of round trips (rebuilt when
 * the imported rows, the paper history or the stored candles changed, cached otherwise), its
 * pages, statistics, summary and annotations. It runs in the journal worker thread (off main's
 * event loop), or on the calling thread where no worker bundle exists (vitest, the CLI).
 * Writes (imports, annotations) go through `writer`, which may be a second connection.
 */
export class JournalCore {
  private cache: { book: JournalBook; stamp: string } | null = null;
  /**
   * The last filtered and sorted list the table paged through: a scrolling table asks for page
   * after page with the same filter and sort, and re-filtering and re-sorting 100,000 trips for
   * each (tens of ms) made the pages arrive late. Dropped with the book, and on annotation
   * (tags, setup and rating are filter and sort keys).
   */
  private order: { book: JournalBook; key: string; rows: JournalTrip[] } | null = null;

  constructor(
    private readonly db: Db,
    private readonly writer: <T>(work: (db: Db) => T) => T = (work) => work(db),
  ) {}

  /** Cheap fingerprint of what the book is built from: it changes with any import, engine event or candle import. */
  private stamp(): string {
    const r = this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM journal_imports) AS imports, (SELECT MAX(id) FROM journal_imports) AS lastImport,
                (SELECT MAX(seq) FROM trading_events) AS seq, (SELECT COUNT(*) FROM trading_events) AS events, (SELECT COUNT(*) FROM plan_orders) AS planned,
                (SELECT COUNT(*) FROM market_series) AS series, (SELECT MAX(last_time) FROM market_series) AS candlesTo`,
      )
      .get() as Record<string, number | null>;
    return JSON.stringify(r);
  }

  book(): JournalBook {
    const stamp = this.stamp();
    if (!this.cache || this.cache.stamp !== stamp) {
      const book = buildJournalBook(this.db);
      tripColumns(book.trips);
      this.cache = { book, stamp };
    }
    return this.cache.book;
  }

  import(paths: readonly string[], options: JournalImportOptions): JournalImportResult {
    const result = this.writer((db) => importJournalFiles(db, paths, options, () => buildJournalBook(db).trips.length));
    if (!options.preview) this.cache = null;
    return result;
  }

  trips(filter: JournalFilter, offset: number, limit: number, sort: TripSort | null): { total: number; rows: JournalTrip[] } {
    const book = this.book();
    const key = JSON.stringify([filter, sort]);
    if (this.order?.book !== book || this.order.key !== key) {
      const rows = filterTrips(book.trips, filter);
      this.order = { book, key, rows: sort ? sortTrips(rows, sort) : rows.reverse() };
    }
    const sorted = this.order.rows;
    return { total: sorted.length, rows: sorted.slice(offset, offset + limit) };
  }

  trip(id: string): JournalTripDetail | null {
    const book = this.book();
    const trip = book.trips.find((t) => t.id === id);
    if (!trip) return null;
    const chart = tripChart(this.db, trip);
    return { trip, fills: book.fills.get(id) ?? [], candles: chart.candles, chartNote: chart.note };
  }

  /** `convertTo`: only when the user asks, every trip's net in that asset at a stored price at its close. */
  stats(filter: JournalFilter, convertTo?: string): JournalStats {
    const trips = this.book().trips;
    const conversion = convertTo ? tripRates(this.db, trips, convertTo) : undefined;
    return statsOver(tripColumns(trips), filterIndices(trips, filter), filter.asset, conversion);
  }

  summary(account: string | null, convertTo?: string): JournalSummary {
    const book = this.book();
    const summary = bookSummary(book, account);
    if (!convertTo) return summary;
    const trips = account === null ? book.trips : book.trips.filter((t) => t.account === account);
    return { ...summary, converted: convertSummary(trips, tripRates(this.db, trips, convertTo)) };
  }

  options(): JournalOptions {
    const book = this.book();
    const trips = book.trips;
    const uniq = (xs: Iterable<string>) => [...new Set(xs)].filter((x) => x !== '').sort();
    return {
      accounts: book.accounts,
      symbols: uniq(trips.map((t) => t.symbol)),
      assets: uniq(trips.map((t) => t.asset)),
      tags: uniq(trips.flatMap((t) => t.annotation.tags)),
      setups: uniq(trips.map((t) => t.annotation.setup)),
    };
  }

  annotate(id: string, annotation: TripAnnotation, now: number): JournalTrip | null {
    const trip = this.book().trips.find((t) => t.id === id);
    if (!trip) return null;
    this.writer((db) => new JournalRepo(db).saveAnnotation(id, annotation, now));
    trip.annotation = annotation;
    this.order = null;
    return trip;
  }
}
