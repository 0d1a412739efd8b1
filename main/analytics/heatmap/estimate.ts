import type { EstimateParams } from '#shared/domain/heatmap';
import { KIND_LONG, SegmentStore } from './segments';

/** A candle as numbers (the estimate is a picture: binary64 throughout, said in its output). */
export interface EstimateBar {
  readonly t: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Base-asset volume; synthetic markets have none and count each bar as one unit. */
  readonly volume: number;
}

/** Survival is stepped every quarter half-life; a cohort is dropped below 2 % of its size. */
const STEPS_PER_HALF_LIFE = 4;
const DROP_BELOW = 0.02;

/**
 * The estimate the way the estimate sites work, for a market without a crowd. Each candle opens
 * positions in proportion to its volume (× participation) at its typical price (H + L + C) / 3,
 * at its close. Longs vs shorts: the taker-buy share is not in the stored klines, so the
 * candle's body stands for it (0.5 + 0.5 × (close − open) / (high − low), kept within 0.1..0.9).
 * Leverages follow the mix; each cohort's liquidation price is the isolated one with the first
 * bracket's maintenance rate (long: P (1 − 1/L) / (1 − mmr); short: P (1 + 1/L) / (1 + mmr)). A
 * cohort leaves when a later candle trades through that price, and otherwise decays with the
 * holding half-life. Quantities are rounded to the contract step.
 */
export function estimateSegments(bars: readonly EstimateBar[], intervalMs: number, now: number, p: EstimateParams, mmr: number, step: number): SegmentStore {
  const store = new SegmentStore(4_000_000, 1024);
  const totalW = p.leverage.reduce((a, b) => a + b.weight, 0) || 1;
  const halfLife = p.halfLifeHours * 3_600_000;
  const stepMs = halfLife / STEPS_PER_HALF_LIFE;
  const maxSteps = Math.ceil(Math.log2(1 / DROP_BELOW) * STEPS_PER_HALF_LIFE);
  const usable = bars.filter((b) => b.t <= now);
  for (let i = 0; i < usable.length; i++) {
    const bar = usable[i]!;
    const born = Math.min(bar.t + intervalMs, now);
    const typical = (bar.high + bar.low + bar.close) / 3;
    const range = bar.high - bar.low;
    const longShare = range > 0 ? Math.min(0.9, Math.max(0.1, 0.5 + (0.5 * (bar.close - bar.open)) / range)) : 0.5;
    for (const mix of p.leverage) {
      const base = (bar.volume * p.participation * mix.weight) / totalW;
      for (const side of [0, 1] as const) {
        const qty = base * (side === KIND_LONG ? longShare : 1 - longShare);
        if (qty <= 0) continue;
        const L = mix.leverage;
        const liq = side === KIND_LONG ? (typical * (1 - 1 / L)) / (1 - mmr) : (typical * (1 + 1 / L)) / (1 + mmr);
        if (!(liq > 0)) continue;
        const dies = liquidatedAt(usable, i + 1, side, liq, now);
        for (let k = 0; k <= maxSteps; k++) {
          const from = born + k * stepMs;
          if (from >= dies || from > now) break;
          const to = Math.min(born + (k + 1) * stepMs, dies, now + 1);
          const steps = Math.round((qty * Math.pow(2, -k / STEPS_PER_HALF_LIFE)) / step);
          store.addClosed({ kind: side, price: liq, priceText: liq.toPrecision(12), qtySteps: steps, leverage: L, cross: false, mine: false }, from, k === maxSteps ? Math.min(dies, now + 1) : to);
        }
      }
    }
  }
  return store;
}

/** When a later candle first trades through the price (its open time), or never (Infinity). */
function liquidatedAt(bars: readonly EstimateBar[], from: number, side: 0 | 1, liq: number, now: number): number {
  for (let j = from; j < bars.length; j++) {
    const b = bars[j]!;
    if (b.t > now) break;
    if (side === KIND_LONG ? b.low <= liq : b.high >= liq) return b.t;
  }
  return Number.POSITIVE_INFINITY;
}
