import type { ScenarioMarket } from '#shared/domain/scenario';
import { PATH_STREAM, SeededRandom } from './rng';

type Synthetic = Exclude<ScenarioMarket, { type: 'stored' }>;

const YEAR_MS = 365 * 86_400_000;
const MINUTE = 60_000;

/** A wick on one venue: a triangle from 0 to wickPct and back over [from, to). */
export interface WickPlan {
  readonly venue: string;
  readonly from: number;
  readonly to: number;
  readonly pct: number;
  readonly perpFollows: boolean;
}

export interface LiquidityGap {
  readonly from: number;
  readonly to: number;
  readonly depthScale: number;
  readonly spreadBps: number;
}

/**
 * A synthetic market before it meets the index and mark machinery: the fair ("anchor") price the
 * spot venues track, sampled at every step, and the model's own events. Prices here are float64
 * model values; they become decimal text only when quantised to the tick (PriceGrid.fromFloat).
 */
export interface SyntheticPlan {
  /** Anchor price at t = start + k × stepMs, k = 0..n (n + 1 points). */
  readonly anchor: Float64Array;
  /** Premium of the perp's last over the anchor at time t (funding squeeze), as a fraction. */
  premiumAt(t: number): number;
  readonly wick: WickPlan | null;
  readonly gap: LiquidityGap | null;
  readonly description: string;
}

/** The scenario's synthetic path, pausing every `every` steps of it (2,000,000 of them take ~0.1 s). */
export function* synthesizeSteps(m: Synthetic, seed: number, start: number, stepMs: number, n: number, every: number): Generator<void, SyntheticPlan> {
  const rng = new SeededRandom(seed, PATH_STREAM);
  const dt = stepMs / YEAR_MS;
  const drift = (m.drift - (m.volatility * m.volatility) / 2) * dt;
  const diffusion = m.volatility * Math.sqrt(dt);
  const anchor = new Float64Array(n + 1);
  const s0 = Number(m.startPrice);
  let logS = Math.log(s0);
  anchor[0] = s0;

  // Merton jumps: per-step Poisson count, normal log sizes; the drift is compensated so the
  // expected return stays `drift` (kappa = E[e^J] - 1).
  const jumpRate = m.type === 'jump-diffusion' ? (m.jumpsPerDay * stepMs) / 86_400_000 : 0;
  const kappa = m.type === 'jump-diffusion' ? Math.exp(m.jumpMean + (m.jumpStdev * m.jumpStdev) / 2) - 1 : 0;
  const jumpDrift = -jumpRate * kappa;

  for (let k = 1; k <= n; k++) {
    logS += drift + diffusion * rng.normal();
    if (m.type === 'jump-diffusion') {
      logS += jumpDrift;
      const jumps = rng.poisson(jumpRate);
      for (let j = 0; j < jumps; j++) logS += m.jumpMean + m.jumpStdev * rng.normal();
    }
    anchor[k] = Math.exp(logS);
    if (k % every === 0) yield;
  }

  let wick: WickPlan | null = null;
  let gap: LiquidityGap | null = null;
  let premiumAt: (t: number) => number = () => 0;
  let description: string;
  switch (m.type) {
    case 'gbm':
      description = `geometric Brownian motion from ${m.startPrice}, drift ${m.drift}/yr, volatility ${m.volatility}/yr`;
      break;
    case 'jump-diffusion':
      description = `jump-diffusion from ${m.startPrice}: volatility ${m.volatility}/yr, ${m.jumpsPerDay} jumps/day of log size N(${m.jumpMean}, ${m.jumpStdev})`;
      break;
    case 'flash-crash': {
      const a = start + m.crashAtMinute * MINUTE;
      const low = a + m.crashMinutes * MINUTE;
      const end = low + m.reboundMinutes * MINUTE;
      const drop = Math.log(1 - m.dropPct);
      const back = -drop * m.reboundShare;
      for (let k = 0; k <= n; k++) {
        const t = start + k * stepMs;
        let shift = 0;
        if (t >= a && t < low) shift = drop * ((t - a) / (low - a));
        else if (t >= low && t < end) shift = drop + back * ((t - low) / (end - low));
        else if (t >= end) shift = drop + back;
        anchor[k] = anchor[k]! * Math.exp(shift);
        if ((k + 1) % every === 0) yield;
      }
      gap = { from: a, to: low + m.gap.extraMinutes * MINUTE, depthScale: m.gap.depthScale, spreadBps: m.gap.spreadBps };
      description = `flash crash: -${(m.dropPct * 100).toFixed(1)} % over ${m.crashMinutes} min from minute ${m.crashAtMinute}, ${(m.reboundShare * 100).toFixed(0)} % rebound over ${m.reboundMinutes} min; book at ${m.gap.depthScale}× depth, ${m.gap.spreadBps} bps spread during the fall`;
      break;
    }
    case 'venue-wick': {
      const from = start + m.atMinute * MINUTE;
      wick = { venue: m.venue, from, to: from + m.wickSeconds * 1000, pct: m.wickPct, perpFollows: m.perpFollows };
      description = `one-venue wick: ${m.venue} prints ${(m.wickPct * 100).toFixed(1)} % for ${m.wickSeconds} s at minute ${m.atMinute}${m.perpFollows ? ', and the perp trades through it' : ''}; the other venues hold`;
      break;
    }
    case 'funding-squeeze': {
      const ramp = m.rampMinutes * MINUTE;
      const premium = m.premiumBps / 10_000;
      premiumAt = (t) => (ramp === 0 ? premium : premium * Math.min(1, Math.max(0, (t - start) / ramp)));
      description = `funding squeeze: the perp trades ${m.premiumBps} bps over the index after a ${m.rampMinutes}-minute ramp`;
      break;
    }
    default: {
      const never: never = m;
      throw new Error(`unknown model ${String(never)}`);
    }
  }
  return { anchor, premiumAt, wick, gap, description };
}

/** The wick's multiplier at t: a triangle reaching 1 + pct at the middle of the window. */
export function wickFactor(w: WickPlan, t: number): number {
  if (t < w.from || t >= w.to) return 1;
  const mid = (w.from + w.to) / 2;
  const x = 1 - Math.abs(t - mid) / ((w.to - w.from) / 2);
  return 1 + w.pct * Math.max(0, x);
}
