import type { Services } from '../../app/services';
import type { TradingHistoryRepo } from '../../store/trading-history-repo';

/**
 * The history tables, with every event the engine has applied in them: market events are
 * group-committed during a replay, so a read first commits the buffered tail. Without it a
 * paused replay's liquidations and fund changes stay invisible until 2,000 more events arrive.
 */
export function freshHistory(s: Services): TradingHistoryRepo {
  s.trading.flush();
  return s.trading.queries.history;
}
