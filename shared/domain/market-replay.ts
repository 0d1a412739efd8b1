import { z } from 'zod';
import { FundingTickSchema, MarketTickSchema } from './market-tick';
import { DecimalString } from '../money/decimal';
import { CandleSchema, IntervalSchema } from './market-series';

/** Replay speeds: market time per wall-clock time, or as fast as the machine goes. */
export const REPLAY_SPEEDS = ['1x', '10x', '60x', '600x', 'max'] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];
export const ReplaySpeedSchema = z.enum(REPLAY_SPEEDS);

/** Market milliseconds per wall-clock millisecond; null for 'max'. */
export function speedFactor(speed: ReplaySpeed): number | null {
  switch (speed) {
    case '1x':
      return 1;
    case '10x':
      return 10;
    case '60x':
      return 60;
    case '600x':
      return 600;
    case 'max':
      return null;
    default: {
      const never: never = speed;
      throw new Error(`unknown speed ${String(never)}`);
    }
  }
}

/** empty: nothing loaded. paused / playing. ended: the last event was delivered. */
export const REPLAY_STATES = ['empty', 'paused', 'playing', 'ended'] as const;
export type ReplayState = (typeof REPLAY_STATES)[number];

/** How each part of the market is made, in words a trader can check (shown in the UI and the CLI). */
export const FeedSourcesSchema = z.object({
  last: z.string(),
  index: z.string(),
  mark: z.string(),
  funding: z.string(),
  liquidity: z.string(),
  /** True when the index venues are modelled rather than read from stored data. */
  indexModelled: z.boolean(),
});
export type FeedSources = z.infer<typeof FeedSourcesSchema>;

export const ReplayScenarioInfoSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  symbol: z.string(),
  seed: z.number().int(),
  marketType: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  stepMs: z.number().int().positive(),
  tickCount: z.number().int().nonnegative(),
  /** Candle interval of the UI stream's bars. */
  barInterval: IntervalSchema,
  sources: FeedSourcesSchema,
});
export type ReplayScenarioInfo = z.infer<typeof ReplayScenarioInfoSchema>;

export const ReplayStatusSchema = z.object({
  state: z.enum(REPLAY_STATES),
  speed: ReplaySpeedSchema,
  scenario: ReplayScenarioInfoSchema.nullable(),
  /** Market time of the clock (ms); null when empty. */
  t: z.number().int().nullable(),
  /** Ticks delivered so far. */
  tickIndex: z.number().int().nonnegative(),
  /** Effective market-ms per wall-ms over the last second (below the requested speed when the machine lags). */
  effectiveSpeed: z.number().nonnegative().nullable(),
  /** Why the replay stopped, when a sink (the engine) failed on an event. */
  error: z.string().nullable(),
});
export type ReplayStatus = z.infer<typeof ReplayStatusSchema>;

/** A bar of the perp's last for the UI, with the mark's and index's closes for the same bar. */
export const ReplayBarSchema = CandleSchema.extend({ mark: DecimalString, index: DecimalString });
export type ReplayBar = z.infer<typeof ReplayBarSchema>;

/**
 * A coalesced update for the UI: at most ~30 per second whatever the speed. Carries the latest
 * tick, the bars (of barInterval, built from last) touched since the previous frame, and every
 * funding settlement in between. When more bars changed than fit, `reset` asks the client to
 * refetch the bars through replay.bars.
 */
export const ReplayFrameSchema = z.object({
  tick: MarketTickSchema,
  bars: z.array(ReplayBarSchema),
  funding: z.array(FundingTickSchema),
  ticks: z.number().int().nonnegative(),
  reset: z.boolean(),
});
export type ReplayFrame = z.infer<typeof ReplayFrameSchema>;

export const MAX_BARS_PER_FRAME = 500;
