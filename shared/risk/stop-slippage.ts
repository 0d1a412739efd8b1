import type { Side } from '../domain/exchange';
import { ceilTo, Dec, floorTo } from '../money/decimal';
import { MAX_WALK_OFFSET } from './book/calibration';
import { meanOffset, offsetForNotional } from './book/depth-curve';

/** The engine's book around a market: depth as a share of the calibrated Binance book, and the quoted spread. */
export interface BookLiquidity {
  readonly depthScale: number;
  readonly spreadBps: number;
}

/**
 * The book a scenario has unless it says otherwise (scenario `liquidity` defaults: the calibrated
 * depth, a 1 bp spread). The Planner prices the stop's slippage on it by default, and `levdesk
 * size` with `"book": {}`, so the two agree; a live market's thinner book is an override.
 */
export const DEFAULT_BOOK: BookLiquidity = { depthScale: 1, spreadBps: 1 };

export interface StopSlippage {
  /** |trigger - fill| / trigger, at full precision: trigger x (1 -+ rate) is the modeled fill. */
  readonly rate: Dec;
  /** The modeled average fill of the stop-market, on the tick grid. */
  readonly fillPrice: Dec;
  /** The notional the book was walked for (quantity x trigger). */
  readonly notional: Dec;
}

/**
 * What a stop-market of `quantity` loses to the engine's book model when it triggers at `trigger`
 * (main/engine/book/walk.ts): half the spread, then the depth-weighted mean distance of the depth
 * it consumes (depth-curve.ts), the average rounded to the tick against the trader. The mid at
 * the trigger is taken as the trigger itself. Floats shape the estimate only; the rate is a Dec.
 */
export function bookStopSlippage(input: { side: Side; trigger: Dec; quantity: Dec; tickSize: Dec; book?: BookLiquidity }): StopSlippage {
  const book = input.book ?? DEFAULT_BOOK;
  const mid = input.trigger.toNumber();
  const notional = input.quantity.mul(input.trigger);
  const end = Math.min(MAX_WALK_OFFSET, offsetForNotional(notional.toNumber() / Math.max(book.depthScale, 1e-9)));
  const offset = book.spreadBps / 20_000 + meanOffset(0, end);
  // A long's stop sells into the bids (below), a short's buys the asks (above).
  const dir = input.side === 'long' ? -1 : 1;
  const raw = new Dec((mid * (1 + dir * offset)).toPrecision(15));
  const fillPrice = input.side === 'long' ? floorTo(raw, input.tickSize) : ceilTo(raw, input.tickSize);
  const rate = fillPrice.minus(input.trigger).abs().div(input.trigger);
  return { rate, fillPrice, notional };
}
