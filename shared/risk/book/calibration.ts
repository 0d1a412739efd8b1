/**
 * Shape of the modeled order book, calibrated from real data.
 *
 * Source: Binance USDⓈ-M `bookDepth` for BTCUSDT on 2025-10-10 (data.binance.vision, copied in
 * ../shared/data/binance-um-bookdepth/; a sample is in test/fixtures/engine/ and
 * test/unit/engine/book-calibration.test.ts re-derives these numbers from it). Each snapshot
 * gives the cumulative resting notional within ±1…5% of the mid. We took the 1,859 snapshots
 * before 15:30 UTC (after that the file's bid side is "inverted" by a stale level, a known
 * defect of that file) and, for each percentage, the median over snapshots of the mean of the
 * bid and ask sides:
 *
 *   within 1%: 268.77M USDT   2%: 538.80M   3%: 735.21M   4%: 856.79M   5%: 955.25M
 *
 * (bids were deeper than asks that day: 304M vs 241M within 1%; we model one symmetric shape.)
 * During the 21:00-21:30 crash the ask side within 1% fell to about 25-60% of this and the bid
 * side to almost nothing; the market's `liquidity.depthScale` carries such thinning per tick.
 *
 * The packaged app cannot read ../shared, so the constants live here.
 */
export const DEPTH_CALIBRATION = {
  source: 'binance-um bookDepth BTCUSDT 2025-10-10, median of 1,859 snapshots 00:00-15:30 UTC',
  /** Distance from the mid as a fraction (0.01 = 1%). */
  offsets: [0, 0.01, 0.02, 0.03, 0.04, 0.05] as const,
  /** Cumulative notional per side within each offset, USDT, at depthScale 1. */
  cumulativeNotional: [0, 268_770_000, 538_800_000, 735_210_000, 856_790_000, 955_250_000] as const,
} as const;

/**
 * Beyond 5% the file says nothing; we extend the last segment's slope (98.46M USDT per 1%) out
 * to MAX_WALK_OFFSET, where the modeled book ends: no resting liquidity is assumed more than
 * 50% from the mid, so a market order cannot print at an absurd price; what it cannot fill
 * there expires (a liquidation's remainder goes to the insurance fund / ADL instead).
 */
export const MAX_WALK_OFFSET = 0.5;

/**
 * How fast the book re-fills after an order walked it: the price displacement an order leaves
 * decays exponentially with this half-life (transient impact, as in Obizhaeva & Wang 2013).
 * One minute is our choice: long enough that a liquidation cascade within a minute compounds,
 * short enough that an hour later the real price path is all that remains. Per market
 * configurable.
 */
export const DEFAULT_IMPACT_HALF_LIFE_MS = 60_000;

/**
 * Walks wider than this are reported in at most this many fills (price bands of at least
 * 10 bps), so a sweep through a thin book reads as a ladder of fills, not thousands of ticks.
 */
export const MAX_FILLS_PER_WALK = 24;
export const MIN_BAND = 0.001;
