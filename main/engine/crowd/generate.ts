import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { CrowdParams } from '#shared/domain/crowd';
import type { MarginMode, Side } from '#shared/domain/exchange';
import { radixOrder } from '../index/radix-order';

/**
 * One simulated trader as drawn from the crowd parameters, before it trades. Floats on purpose:
 * these are the trader's intentions (a target notional, a stop distance); the engine turns them
 * into exact orders on the tick and step grid when the trader arrives.
 */
export interface CrowdArrival {
  readonly n: number;
  /** Arrival time (ms): the replay start plus a uniform draw over the entry window. */
  readonly t: number;
  readonly side: Side;
  readonly leverage: number;
  readonly notional: number;
  readonly mode: MarginMode;
  /** Stop distance as a fraction of the entry price; null = no stop. */
  readonly stopDistance: number | null;
  /**
   * Extra collateral the trader keeps beyond the initial margin and fee, as a fraction of the
   * initial margin: a cross trader's cushion (0..1); isolated traders keep none (0).
   */
  readonly cushion: number;
}

/**
 * Draws the whole population from the seed, in a fixed order of draws per trader, so the same
 * parameters always give the same crowd (xoroshiro128+ from pure-rand; no other chance anywhere).
 * Sorted by arrival time, ties by trader number.
 */
export function generateCrowd(params: CrowdParams, startT: number): CrowdArrival[] {
  const steps = generateCrowdSteps(params, startT);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same draws, pausing every `every` traders: a caller that must stay responsive (main
 * restoring a 100,000-trader workspace) runs it in slices. The result is generateCrowd's.
 */
export function* generateCrowdSteps(params: CrowdParams, startT: number, every = 20_000): Generator<void, CrowdArrival[]> {
  const rng = xoroshiro128plus(params.seed);
  const u = (): number => uniformFloat64(rng);
  const weights = params.leverage.map((b) => b.weight);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const windowMs = params.entryWindowHours * 3_600_000;
  const out: CrowdArrival[] = [];
  for (let n = 0; n < params.traders; n++) {
    if (n > 0 && n % every === 0) yield;
    const side: Side = u() < params.longShare ? 'long' : 'short';
    const leverage = pickLeverage(params, totalWeight, u());
    const notional = params.notional.median * Math.exp(params.notional.logSigma * standardNormal(u(), u()));
    const mode: MarginMode = u() < params.crossShare ? 'cross' : 'isolated';
    const hasStop = u() < params.stops.share;
    const dist = params.stops.minDistance + u() * Math.max(0, params.stops.maxDistance - params.stops.minDistance);
    const arrival = windowMs > 0 ? Math.floor(u() * windowMs) : (u(), 0);
    const cushionDraw = u();
    out.push({
      n,
      t: startT + arrival,
      side,
      leverage,
      notional,
      mode,
      stopDistance: hasStop ? dist : null,
      cushion: mode === 'cross' ? cushionDraw : 0,
    });
  }
  // By arrival time, ties by trader number (the drawing order): a stable radix sort of the times,
  // which are whole milliseconds. A comparator sort of 100,000 arrivals held main ~80 ms in one piece.
  if (windowMs === 0) return out;
  yield;
  const order = radixOrder(Float64Array.from(out, (a) => a.t));
  return Array.from(order, (i) => out[i]!);
}

function pickLeverage(params: CrowdParams, totalWeight: number, draw: number): number {
  const buckets = params.leverage;
  if (totalWeight <= 0) return buckets[0]!.leverage;
  let acc = 0;
  const target = draw * totalWeight;
  for (const b of buckets) {
    acc += b.weight;
    if (target < acc) return b.leverage;
  }
  return buckets[buckets.length - 1]!.leverage;
}

/** Box-Muller: two uniforms in [0, 1) to one standard normal draw. */
function standardNormal(u1: number, u2: number): number {
  const r = Math.sqrt(-2 * Math.log(1 - u1));
  return r * Math.cos(2 * Math.PI * u2);
}
