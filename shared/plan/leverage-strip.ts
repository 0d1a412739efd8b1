import { Dec, toWire as exact, type DecimalString } from '../money/decimal';
import { contractSpec, maxLeverageForNotional, notionalAt, stopSafety } from '../risk/index';
import type { PlanResult } from './compute-plan';

const toWire = (d: Dec): DecimalString => exact(d.toDecimalPlaces(10, Dec.ROUND_HALF_EVEN));

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

/**
 * 1..10 whole, then 12, 15, 20, 25, then every 10 up to the cap, plus the chosen leverage and the
 * highest safe one (where the curve crosses the stop): the curve's shape at ~20 evaluations.
 */
export function stripLeverages(max: number, marks: readonly number[] = []): number[] {
  const out = new Set<number>();
  for (let l = 1; l <= Math.min(10, max); l += 1) out.add(l);
  for (const l of [12, 15, 20, 25]) if (l <= max) out.add(l);
  for (let l = 30; l <= max; l += 10) out.add(l);
  for (const l of marks) if (l >= 1 && l <= max && Number.isInteger(l)) out.add(l);
  if (max >= 1) out.add(max);
  return [...out].sort((a, b) => a - b);
}

/**
 * Liquidation distance against leverage for the sized position (the ~1/leverage curve; its kinks
 * are where the liquidation price changes bracket), with the stop's distance to compare: the
 * leverages whose distance is beyond the stop's are the safe region. Cross margin: the LP does
 * not depend on the leverage setting, so the curve is flat.
 */
export function leverageStrip(plan: Extract<PlanResult, { ok: true }>): LeverageStrip {
  const { resolved: p, sizing, check } = plan;
  const spec = contractSpec(p.profile, p.symbol);
  const q = sizing.quantity;
  const bracketMax = Math.floor(maxLeverageForNotional(spec.brackets, notionalAt(spec, q.gt(0) ? q : spec.minQty, p.entry)).toNumber());
  const stopDistance = toWire(p.entry.minus(sizing.stopFillPrice).abs().div(p.entry));
  const chosen = p.leverage.toNumber();
  if (!check) return { points: [], stopDistance, bracketMax, chosen };
  const safe = sizing.maxSafeLeverage?.toNumber();
  const marks = [chosen, ...(safe !== undefined ? [safe, safe + 1] : [])];
  const points = stripLeverages(bracketMax, marks).map((leverage) => {
    const r = stopSafety(check, new Dec(leverage));
    const distance = r.liquidationPrice === null ? null : toWire(p.entry.minus(r.liquidationPrice).abs().div(p.entry));
    return { leverage, distance, safe: r.stopBeforeLiquidation };
  });
  return { points, stopDistance, bracketMax, chosen };
}
