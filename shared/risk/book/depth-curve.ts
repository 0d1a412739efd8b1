import { DEPTH_CALIBRATION } from './calibration';

/**
 * The cumulative depth curve D(x): resting notional (USDT, depthScale 1) on one side of the
 * book between the best price and a distance x from it (x a fraction of the mid). Piecewise
 * linear through the calibration points, extended past the last one with its slope.
 *
 * Floats on purpose: the curve only shapes where fills land. Every quantity and price that
 * reaches the ledger is turned into an exact decimal on the tick/step grid by the walk.
 */
const X = DEPTH_CALIBRATION.offsets;
const D = DEPTH_CALIBRATION.cumulativeNotional;
const LAST = X.length - 1;
const TAIL_SLOPE = (D[LAST] - D[LAST - 1]) / (X[LAST] - X[LAST - 1]);

function slopeOf(segment: number): number {
  return segment >= LAST ? TAIL_SLOPE : (D[segment + 1]! - D[segment]!) / (X[segment + 1]! - X[segment]!);
}

function segmentOf(x: number): number {
  let i = 0;
  while (i < LAST && x > X[i + 1]!) i++;
  return i;
}

export function cumulativeNotional(x: number): number {
  if (x <= 0) return 0;
  const i = segmentOf(x);
  return D[i]! + (x - X[i]!) * slopeOf(i);
}

/** Inverse of cumulativeNotional. */
export function offsetForNotional(n: number): number {
  if (n <= 0) return 0;
  let i = 0;
  while (i < LAST && n > D[i + 1]!) i++;
  return X[i]! + (n - D[i]!) / slopeOf(i);
}

/**
 * Notional-weighted mean distance of the depth between xa and xb: the exact VWAP offset of a
 * fill that consumes that slice (the density is constant on each segment).
 */
export function meanOffset(xa: number, xb: number): number {
  if (xb <= xa) return xa;
  let weighted = 0;
  let total = 0;
  let lo = xa;
  while (lo < xb) {
    const i = segmentOf(lo + 1e-15);
    const segEnd = i >= LAST ? Number.POSITIVE_INFINITY : X[i + 1]!;
    const hi = Math.min(xb, segEnd);
    const s = slopeOf(i);
    weighted += (s * (hi * hi - lo * lo)) / 2;
    total += s * (hi - lo);
    lo = hi;
  }
  return total > 0 ? weighted / total : (xa + xb) / 2;
}
