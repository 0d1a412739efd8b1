import type { Side } from '../domain/exchange';

/**
 * The BitMEX ADL score of adl.ts (bitmexAdlScore), evaluated in binary64 for RANKING ONLY:
 * ordering 100,000 positions for the ADL queue and the quintile lights must not cost 100,000
 * decimal evaluations on every price. Linear contracts; same definitions:
 *
 *   MV, BV, EV = s·q·P at the mark, bankruptcy and entry prices
 *   effective leverage = |MV| / (MV − BV),  PnL% = (MV − EV) / |EV|
 *   score = PnL% × effective leverage if PnL% > 0, else PnL% / effective leverage
 *
 * Null where the exact function is null (no bankruptcy price, or no cushion left). Tested
 * against bitmexAdlScore to a relative 1e-12 (near zero PnL, where MV − EV cancels, to an
 * absolute ~1e-14 × leverage); callers that act on a ranking (the engine's ADL)
 * re-order the selected positions with the exact score before closing anything.
 */
export function adlScoreApprox(side: Side, quantity: number, entryPrice: number, markPrice: number, bankruptcyPrice: number | null): number | null {
  if (bankruptcyPrice === null) return null;
  const s = side === 'long' ? 1 : -1;
  // Differences of prices before products: MV − BV = s·q·(M − B), (MV − EV)/|EV| = s·(M − E)/E,
  // which keeps the rounding error relative to the result rather than to the position value.
  const cushion = s * quantity * (markPrice - bankruptcyPrice);
  if (!(cushion > 0)) return null;
  const effectiveLeverage = (quantity * markPrice) / cushion;
  const pnlPct = (s * (markPrice - entryPrice)) / entryPrice;
  return pnlPct > 0 ? pnlPct * effectiveLeverage : pnlPct / effectiveLeverage;
}
