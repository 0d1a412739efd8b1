import { z } from 'zod';
import { FundingTickSchema, MarketTickSchema } from './market-tick';
import { DecimalString } from '../money/decimal';
import { CandleSchema, IntervalSchema } from './market-series';

/**
 * Replay speeds: market time per wall-clock time, or as fast as the machine goes. 1800x is half an
 * hour a second and 7200x two hours: a crash window stays watchable where 'max' is over at once.
 */
export const REPLAY_SPEEDS = ['1x', '10x', '60x', '600x', '1800x', '7200x', 'max'] as const;
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
    case '1800x':
      return 1800;
    case '7200x':
      return 7200;
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

/**
 * Where the bars before the start come from: the store's own candles of the scenario's series, its
 * stored mark series when the trade series starts at the window, or a seeded warm-up (modelled).
 */
export const HISTORY_SOURCES = ['stored', 'stored-mark', 'warm-up'] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

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
  /** The bars shown before the start (chart only: the engine never sees them). */
  history: z.object({ bars: z.number().int().nonnegative(), source: z.enum(HISTORY_SOURCES) }).optional(),
});
export type ReplayScenarioInfo = z.infer<typeof ReplayScenarioInfoSchema>;

/** What can pause a playing replay by itself: your fill, your stop or take-profit firing, your liquidation, ADL against you. */
export const PAUSE_EVENTS = ['fill', 'stop', 'liquidation', 'adl'] as const;
export type PauseEvent = (typeof PAUSE_EVENTS)[number];
export const PauseOnSchema = z.object({ fill: z.boolean(), stop: z.boolean(), liquidation: z.boolean(), adl: z.boolean() }).strict();
export type PauseOn = z.infer<typeof PauseOnSchema>;
/** Only a liquidation stops the replay until the trader asks for more. */
export const DEFAULT_PAUSE_ON: PauseOn = { fill: false, stop: false, liquidation: true, adl: false };

/**
 * The coming funding settlement as the replay knows it: the stored rate when the history has it,
 * otherwise the premium model's running estimate of the rate it will settle at.
 */
export const ComingFundingSchema = z.object({ t: z.number().int(), rate: DecimalString, source: z.enum(['history', 'estimate']) });
export type ComingFunding = z.infer<typeof ComingFundingSchema>;

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
  /** Which of the trader's events pause a playing replay. */
  pauseOn: PauseOnSchema,
  /** The event that paused the replay by itself (cleared when it plays again). */
  pausedBy: z.object({ event: z.enum(PAUSE_EVENTS), t: z.number().int() }).nullable(),
  /** The coming funding settlement at the clock's position (frames carry it between statuses). */
  comingFunding: ComingFundingSchema.nullable().optional(),
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
  /** The next settlement after this tick (null when the replay knows of none). */
  comingFunding: ComingFundingSchema.nullable().optional(),
  bars: z.array(ReplayBarSchema),
  funding: z.array(FundingTickSchema),
  ticks: z.number().int().nonnegative(),
  reset: z.boolean(),
});
export type ReplayFrame = z.infer<typeof ReplayFrameSchema>;

export const MAX_BARS_PER_FRAME = 500;
