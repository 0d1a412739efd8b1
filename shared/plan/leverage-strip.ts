import type { MarginMode } from '../domain/exchange';
import { Dec, toWire as exact, type DecimalString } from '../money/decimal';

const toWire = (d: Dec): DecimalString => exact(d.toDecimalPlaces(10, Dec.ROUND_HALF_EVEN));
import { contractSpec, maxLeverageForNotional, notionalAt, stopSafety, type SizingResult } from '../risk/index';
import type { ResolvedPlan } from './resolve-inputs';

export interface StripPoint {
  readonly leverage: number;
  /** Entry to liquidation as a fraction of the entry (toward loss); null: no liquidation price. */
  readonly distance: DecimalString | null;
  readonly safe: boolean;
}

export interface LeverageStrip {
  readonly points: readonly StripPoint[];
  /** Entry to the stop's fill, as a fraction of the entry. */
  readonly stopDistance: DecimalString;
  /** Highest leverage the bracket of this notional allows (the strip ends there). */
  readonly bracketMax: number;
  /** The plan's leverage setting, marked on the strip. */
  readonly chosen: number;
}

/** Whole leverages 1..25, then every 5 up to the cap: the curve's shape at ~45 evaluations. */
export function stripLeverages(max: number): number[] {
  const out: number[] = [];
  for (let l = 1; l <= Math.min(25, max); l += 1) out.push(l);
  for (let l = 30; l <= max; l += 5) out.push(l);
  if (out[out.length - 1] !== max && max > 0) out.push(max);
  return out;
}

/**
 * Liquidation distance against leverage for the sized position (the ~1/leverage curve; its kinks
 * are where the liquidation price changes bracket), with the stop's distance to compare: the
 * leverages whose distance is beyond the stop's are the safe region. Cross margin: the LP does
 * not depend on the leverage setting, so the curve is flat.
 */
export function leverageStrip(p: ResolvedPlan, sizing: SizingResult, marginMode: MarginMode): LeverageStrip {
  const spec = contractSpec(p.profile, p.symbol);
  const q = sizing.quantity;
  const bracketMax = Math.floor(maxLeverageForNotional(spec.brackets, notionalAt(spec, q.gt(0) ? q : spec.minQty, p.entry)).toNumber());
  const stopDistance = toWire(p.entry.minus(sizing.stopFillPrice).abs().div(p.entry));
  const chosen = p.leverage.toNumber();
  if (!q.gt(0)) return { points: [], stopDistance, bracketMax, chosen };
  const check = {
    profile: p.profile,
    symbol: p.symbol,
    side: p.side,
    quantity: q,
    entry: p.entry,
    stopFill: sizing.stopFillPrice,
    marginMode,
    walletBalance: p.equity.minus(sizing.entryFee),
  };
  const points = stripLeverages(bracketMax).map((leverage) => {
    const r = stopSafety(check, new Dec(leverage));
    const distance = r.liquidationPrice === null ? null : toWire(p.entry.minus(r.liquidationPrice).abs().div(p.entry));
    return { leverage, distance, safe: r.stopBeforeLiquidation };
  });
  return { points, stopDistance, bracketMax, chosen };
}
