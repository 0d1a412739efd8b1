import type { DepthSeriesInfo, SeriesOrigin } from '#shared/domain/market-series';
import type { DecimalString } from '#shared/money/decimal';
import type { Db } from './db-types';
import type { MergeCounts } from './market-candles-repo';

export interface DepthRow {
  readonly t: number;
  readonly percentage: number;
  readonly depth: DecimalString;
  readonly notional: DecimalString;
}

/** Order-book depth snapshots (Binance bookDepth), for the engine's book model and liquidity windows. */
export class MarketDepthRepo {
  constructor(private readonly db: Db) {}

  list(): DepthSeriesInfo[] {
    return this.db
      .prepare<[], DepthSeriesInfo>(
        `SELECT venue, symbol, count(DISTINCT snapshot_time) AS snapshots, min(snapshot_time) AS "from", max(snapshot_time) AS "to", max(origin) AS origin
           FROM market_depth GROUP BY venue, symbol ORDER BY symbol, venue`,
      )
      .all();
  }

  range(venue: string, symbol: string, from: number, to: number): DepthRow[] {
    return this.db
      .prepare<[string, string, number, number], DepthRow>(
        'SELECT snapshot_time AS t, percentage, depth, notional FROM market_depth WHERE venue = ? AND symbol = ? AND snapshot_time BETWEEN ? AND ? ORDER BY snapshot_time, percentage',
      )
      .all(venue, symbol, from, to);
  }

  mergeStaged(venue: string, symbol: string, schema: string, did: number, origin: SeriesOrigin): MergeCounts {
    const r = this.db
      .prepare<[string, string, number], { same: number | null; matched: number }>(
        `SELECT sum(s.depth = m.depth AND s.notional = m.notional) AS same, count(*) AS matched
           FROM ${schema}.s_depth s JOIN market_depth m
             ON m.venue = ? AND m.symbol = ? AND m.snapshot_time = s.snapshot_time AND m.percentage = s.percentage
          WHERE s.did = ?`,
      )
      .get(venue, symbol, did)!;
    const added = this.db
      .prepare(
        `INSERT OR IGNORE INTO market_depth (venue, symbol, snapshot_time, percentage, depth, notional, origin)
         SELECT ?, ?, snapshot_time, percentage, depth, notional, ? FROM ${schema}.s_depth WHERE did = ? ORDER BY snapshot_time, percentage`,
      )
      .run(venue, symbol, origin, did).changes;
    const same = r.same ?? 0;
    return { added, same, conflicting: r.matched - same };
  }
}
