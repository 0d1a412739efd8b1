import type { OrderView } from '#shared/domain/trading-orders';
import type { Services } from '../../app/services';
import { AppError } from '../app-error';

/** An order after a command: live in the engine, or its final state in the history. */
export function liveOrFinal(s: Services, orderId: number): OrderView {
  const live = s.trading.queries.openOrders().find((o) => o.id === orderId);
  if (live) return live;
  const done = s.trading.queries.history.orders('me', 0, 500).rows.find((o) => o.id === orderId);
  if (!done) throw new AppError('NOT_FOUND', `order ${orderId} is not in this session`);
  return done;
}
