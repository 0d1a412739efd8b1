import type { FeedSources } from '#shared/domain/market-replay';
import type { Interval } from '#shared/domain/market-series';
import type { Dec } from '#shared/money/decimal';
import type { IndexRules } from '../price/index-price';
import type { FundingModelRules } from '../price/funding-model';
import type { PriceGrid } from '../price/price-grid';
import type { LiquidityGap, WickPlan } from '../synthetic/paths';

/** A modelled source venue of the index (see docs/scenarios.md: these are never real data). */
export interface VenueModel {
  readonly id: string;
  readonly weight: Dec;
  /** Per-step standard normal draws, seeded per venue (index k = step). */
  readonly noise: Float32Array;
  /** Noise standard deviation as a fraction (2 bps = 0.0002). */
  readonly noiseSd: number;
  readonly lagMs: number;
  /** [from, to) windows (ms) in which the venue publishes nothing. */
  readonly outages: readonly (readonly [number, number])[];
}

export interface HistoryFunding {
  readonly kind: 'history';
  /** Stored settlements from the last one before the start to the first one after the end. */
  readonly settlements: readonly { readonly t: number; readonly rate: Dec; readonly intervalHours: number }[];
}

export interface ModelFunding {
  readonly kind: 'model';
  readonly rules: FundingModelRules;
  readonly intervalHours: number;
}

export interface LiquiditySchedule {
  readonly base: { readonly depthScale: number; readonly spreadBps: number };
  /** Later entries win where windows overlap. */
  readonly windows: readonly { readonly from: number; readonly to: number; readonly depthScale: number; readonly spreadBps: number }[];
}

/**
 * Everything a MarketFeed needs, resolved from a scenario and the workspace: functions of time
 * for the perp's last and for the anchor the spot venues follow, the venue models, and the rules.
 */
export interface FeedSpec {
  readonly symbol: string;
  readonly start: number;
  readonly stepMs: number;
  /** Number of ticks: t_k = start + k × stepMs for k < n. */
  readonly n: number;
  readonly lastGrid: PriceGrid;
  /** The perp's last price at t, in lastGrid units. */
  readonly last: (t: number) => number;
  /** The fair price the spot venues track at t (a model value). */
  readonly anchor: (t: number) => number;
  /** A stored mark series (units of markGrid) replayed as the mark; null: the mark is modelled. */
  readonly storedMark: { readonly grid: PriceGrid; readonly at: (t: number) => number } | null;
  readonly venues: readonly VenueModel[];
  readonly venueGrid: PriceGrid;
  readonly wick: WickPlan | null;
  readonly index: IndexRules;
  readonly basisWindowMs: number;
  readonly basisCap: Dec;
  readonly funding: HistoryFunding | ModelFunding;
  readonly liquidity: LiquiditySchedule;
  /** Candle interval of the UI's bars. */
  readonly barInterval: Interval;
  readonly sources: FeedSources;
}

/** Liquidity gaps in a schedule: windows where the book is at most a quarter of its depth. */
export const GAP_DEPTH_SCALE = 0.25;

export function liquidityAt(s: LiquiditySchedule, t: number): { depthScale: number; spreadBps: number } {
  for (let i = s.windows.length - 1; i >= 0; i--) {
    const w = s.windows[i]!;
    if (t >= w.from && t < w.to) return { depthScale: w.depthScale, spreadBps: w.spreadBps };
  }
  return s.base;
}

export function gapWindow(g: LiquidityGap): LiquiditySchedule['windows'][number] {
  return { from: g.from, to: g.to, depthScale: g.depthScale, spreadBps: g.spreadBps };
}
