import { z } from 'zod';
import { DecimalString } from '../money/decimal';

/**
 * One step of a market, as the replay clock hands it to the engine and the event stream.
 * This is the seam between main/market (which makes ticks from files and models) and
 * main/engine (which trades on them). Prices are decimal strings: fills and liquidations use
 * them, so they are ledger values.
 */
export const MarketTickSchema = z.object({
  /** Milliseconds since the Unix epoch, UTC. Strictly increasing within one replay. */
  t: z.number().int(),
  symbol: z.string().min(1).max(32),
  /** The perpetual's own last traded price (its order book); stops may trigger on it. */
  last: DecimalString,
  /** Index price: median of the source venues, with outlier and stale guards. */
  index: DecimalString,
  /** Mark price: what unrealized PnL, margin ratio and liquidation use. */
  mark: DecimalString,
  /**
   * Inputs of the order-book model at this moment. 1 is normal depth; 0.05 is a book 95% thinner
   * (a flash crash's liquidity gap). spreadBps is the quoted spread around last, in basis points.
   */
  liquidity: z.object({
    depthScale: z.number().positive(),
    spreadBps: z.number().nonnegative(),
  }),
});
export type MarketTick = z.infer<typeof MarketTickSchema>;

/** A funding settlement: at time t, positions pay notional-at-mark × rate (longs pay when > 0). */
export const FundingTickSchema = z.object({
  t: z.number().int(),
  symbol: z.string().min(1).max(32),
  rate: DecimalString,
  intervalHours: z.number().positive(),
  /** 'history' when the rate came from imported data, 'model' when from the premium model. */
  source: z.enum(['history', 'model']),
});
export type FundingTick = z.infer<typeof FundingTickSchema>;
