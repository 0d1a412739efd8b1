import type { FundingRate, FundingSeriesInfo, SeriesOrigin } from '#shared/domain/market-series';
import type { DecimalString } from '#shared/money/decimal';
import type { Db } from './db-types';
import type { MergeCounts } from './market-candles-repo';

/** Funding settlements per (venue, symbol): the scheduled time and the rate as imported. */
export class MarketFundingRepo {
  constructor(private readonly db: Db) {}

  list(): FundingSeriesInfo[] {
    // 'import' sorts after 'default': max(origin) says whether a user imported any of the rows.
    return this.db
      .prepare<[], FundingSeriesInfo>(
        `SELECT venue, symbol, count(*) AS rows, min(funding_time) AS "from", max(funding_time) AS "to", max(origin) AS origin
           FROM market_funding GROUP BY venue, symbol ORDER BY symbol, venue`,
      )
      .all();
  }

  /** Settlements with time in [from, to], oldest first. */
  range(venue: string, symbol: string, from: number, to: number): FundingRate[] {
    return this.db
      .prepare<[string, string, number, number], { t: number; rate: DecimalString; intervalHours: number }>(
        'SELECT funding_time AS t, rate, interval_hours AS intervalHours FROM market_funding WHERE venue = ? AND symbol = ? AND funding_time BETWEEN ? AND ? ORDER BY funding_time',
      )
      .all(venue, symbol, from, to);
  }

  /** The last settlement strictly before t (the rate in force when a replay starts). */
  before(venue: string, symbol: string, t: number): FundingRate | null {
    return (
      this.db
        .prepare<[string, string, number], FundingRate>(
          'SELECT funding_time AS t, rate, interval_hours AS intervalHours FROM market_funding WHERE venue = ? AND symbol = ? AND funding_time < ? ORDER BY funding_time DESC LIMIT 1',
        )
        .get(venue, symbol, t) ?? null
    );
  }

  /** Call inside a transaction; same contract as MarketCandlesRepo.mergeStaged. */
  mergeStaged(venue: string, symbol: string, schema: string, fid: number, origin: SeriesOrigin): MergeCounts {
    const r = this.db
      .prepare<[string, string, number], { same: number | null; matched: number }>(
        `SELECT sum(s.rate = m.rate AND s.interval_hours = m.interval_hours) AS same, count(*) AS matched
           FROM ${schema}.s_funding s JOIN market_funding m ON m.venue = ? AND m.symbol = ? AND m.funding_time = s.funding_time
          WHERE s.fid = ?`,
      )
      .get(venue, symbol, fid)!;
    const added = this.db
      .prepare(
        `INSERT OR IGNORE INTO market_funding (venue, symbol, funding_time, rate, interval_hours, raw_time, origin)
         SELECT ?, ?, funding_time, rate, interval_hours, raw_time, ? FROM ${schema}.s_funding WHERE fid = ? ORDER BY funding_time`,
      )
      .run(venue, symbol, origin, fid).changes;
    const same = r.same ?? 0;
    return { added, same, conflicting: r.matched - same };
  }
}
