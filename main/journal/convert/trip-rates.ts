import type { JournalTrip } from '#shared/journal/journal-trip';
import type { Db } from '../../store/db-types';
import type { StatsConversion } from '../stats/compute-stats';

const INTERVAL_MS: Record<string, number> = { '1m': 60_000, '3m': 180_000, '5m': 300_000, '15m': 900_000, '30m': 1_800_000, '1h': 3_600_000, '2h': 7_200_000, '4h': 14_400_000, '1d': 86_400_000 };

/** How one asset was priced in the quote asset. */
export interface AssetPricing {
  readonly asset: string;
  /** e.g. "BTCUSDT 1m close (binance)", or why there is no price. */
  readonly source: string;
  readonly priced: boolean;
}

export interface TripRates extends StatsConversion {
  /** The stored close each trip was converted at (exact string; "1" for the quote asset itself), null when missing. */
  readonly price: ReadonlyArray<string | null>;
  /** True where the price is quote-per-asset inverted (a USDTUSDC close converting USDC to USDT). */
  readonly inverse: ReadonlyArray<boolean>;
  readonly pricing: readonly AssetPricing[];
}

interface Series {
  id: number;
  venue: string;
  symbol: string;
  interval: string;
  first: number;
  last: number;
}

/**
 * Prices to convert each trip's result into `quote`, taken only from the workspace's stored
 * candles (never from a network): the close of the candle of `ASSETQUOTE` (or the inverse pair)
 * that contains the trip's close time, from the finest series that covers it. A trip whose time
 * no stored candle contains gets NaN, and the asset's `source` says what was missing.
 */
export function tripRates(db: Db, trips: readonly JournalTrip[], quote: string): TripRates {
  const n = trips.length;
  const rate = new Float64Array(n).fill(Number.NaN);
  const price: Array<string | null> = new Array<string | null>(n).fill(null);
  const inverse: boolean[] = new Array<boolean>(n).fill(false);
  const byAsset = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const a = trips[i]!.asset;
    if (a === quote) {
      rate[i] = 1;
      price[i] = '1';
      continue;
    }
    let list = byAsset.get(a);
    if (!list) byAsset.set(a, (list = []));
    list.push(i);
  }
  const pricing: AssetPricing[] = [];
  const seriesOf = db.prepare("SELECT id, venue, symbol, interval, first_time AS first, last_time AS last FROM market_series WHERE symbol = ? AND kind IN ('trade', 'mark') AND first_time IS NOT NULL");
  const candles = db.prepare('SELECT open_time AS t, close FROM market_candles WHERE series_id = ? AND open_time >= ? AND open_time <= ? ORDER BY open_time');
  for (const [asset, idx] of [...byAsset.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const direct = (seriesOf.all(`${asset}${quote}`) as Series[]).map((s) => ({ s, inv: false }));
    const inv = (seriesOf.all(`${quote}${asset}`) as Series[]).map((s) => ({ s, inv: true }));
    const choices = [...direct, ...inv].filter((c) => INTERVAL_MS[c.s.interval] !== undefined).sort((a, b) => INTERVAL_MS[a.s.interval]! - INTERVAL_MS[b.s.interval]! || Number(a.inv) - Number(b.inv));
    if (choices.length === 0) {
      pricing.push({ asset, priced: false, source: `no stored ${asset}${quote} (or ${quote}${asset}) candles in this workspace: import them in Data` });
      continue;
    }
    let left = idx;
    const used: string[] = [];
    for (const { s, inv: isInverse } of choices) {
      if (left.length === 0) break;
      const step = INTERVAL_MS[s.interval]!;
      let lo = Infinity;
      let hi = -Infinity;
      for (const i of left) {
        lo = Math.min(lo, trips[i]!.closedAt);
        hi = Math.max(hi, trips[i]!.closedAt);
      }
      const rows = candles.all(s.id, lo - step, hi) as Array<{ t: number; close: string }>;
      const still: number[] = [];
      for (const i of left) {
        const t = trips[i]!.closedAt;
        const k = lastAtOrBefore(rows, t);
        const row = k >= 0 ? rows[k]! : null;
        if (!row || t >= row.t + step) {
          still.push(i);
          continue;
        }
        const c = Number(row.close);
        rate[i] = isInverse ? 1 / c : c;
        price[i] = row.close;
        inverse[i] = isInverse;
      }
      if (still.length < left.length) used.push(`${s.symbol} ${s.interval} close (${s.venue})${isInverse ? ', inverted' : ''}`);
      left = still;
    }
    const source = used.length > 0 ? `${asset} at ${used.join(', then ')}` : `${asset}: stored ${choices[0]!.s.symbol} candles do not cover these trips`;
    pricing.push({ asset, priced: left.length < idx.length, source: left.length > 0 && used.length > 0 ? `${source}; ${left.length} trip(s) outside the stored candles` : source });
  }
  const note =
    pricing.length === 0 ? `every trip already settles in ${quote}` : `converted to ${quote} at stored prices at each trip's close: ${pricing.map((p) => p.source).join('; ')}`;
  return { quote, rate, price, inverse, pricing, note };
}

/** Index of the last row with t <= time, or -1. */
function lastAtOrBefore(rows: ReadonlyArray<{ t: number }>, time: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.t <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
