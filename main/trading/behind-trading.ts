import type { TickSink } from '../market/replay/sink';
import type { TradingService } from './trading-service';

/**
 * A replay sink that reads the trading engine (the heatmap's recorder) sees each event after the
 * engine applied it. The clock hands an event to the trading service first, but one the service
 * applies in slices (a big crowd's opening, a cascade, a funding settlement, a snapshot) leaves it
 * mid-event, and the events after it wait in its queue: this sink's calls wait in the same queue,
 * each behind the engine's own, in the order the clock made them. Loading a scenario resets it at once.
 */
export function behindTrading(trading: TradingService, sink: TickSink): TickSink {
  return {
    onTick: (tick) => trading.afterApplied(() => sink.onTick(tick)),
    onFunding: (funding) => trading.afterApplied(() => sink.onFunding(funding)),
    onReset: (t) => trading.afterApplied(() => sink.onReset?.(t)),
    ...(sink.onLoad ? { onLoad: (t: number) => sink.onLoad!(t) } : {}),
  };
}
