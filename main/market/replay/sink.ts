import type { FundingTick, MarketTick } from '#shared/domain/market-tick';

/**
 * What the replay clock drives. The trading service implements it (the engine consumes every
 * tick and funding settlement, in time order); tests and the headless CLI may implement it too.
 * Calls are synchronous and in order: a sink never sees a tick older than the last one.
 */
export interface TickSink {
  onTick(tick: MarketTick): void;
  onFunding(funding: FundingTick): void;
  /** The replay moved backwards (seek) or was reloaded: the sink must reset to `t`'s state. */
  onReset?(t: number): void;
  /**
   * A scenario was loaded whose start is `t`. The sink either resets to `t` (returns 0) or keeps
   * what it already holds of this very scenario and returns how many of the feed's first events
   * that is: the clock then moves past them, delivering them only to the sinks that lack them.
   * A sink without onLoad is reset (onReset).
   */
  onLoad?(t: number): number;
  /**
   * The sink is still working on an event in slices (the trading engine opening a big crowd, or
   * settling funding or a cascade over 100,000 positions): a playing clock delivers nothing more
   * until it is done, and runs slower than asked meanwhile. Steps and seeks deliver at once (the
   * sink defers what arrives while it is busy).
   */
  readonly busy?: boolean;
}
