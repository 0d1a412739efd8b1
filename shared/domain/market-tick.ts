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
   * The two non-trade components of a Binance/Bybit-style mark (mark = median(price1, price2, last)):
   * price1 = index × (1 + last funding rate × time to funding / interval), price2 = index + moving
   * average of the basis. Present when the mark was derived from a model rather than read from a
   * stored mark series, so the engine can re-derive the mark after its own trades move `last`
   * (how a liquidation cascade feeds back into the mark).
   */
  markComponents: z.object({ price1: DecimalString, price2: DecimalString }).optional(),
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
