import { toWire } from '#shared/money/decimal';
import type { Handler } from '../types';

export const tradingInsurance: Handler<'trading.insurance'> = (input, s) => ({
  balance: toWire(s.trading.engine.readState.insurance),
  history: s.trading.queries.history.insurance(input.offset, input.limit),
});
