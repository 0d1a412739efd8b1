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
}
