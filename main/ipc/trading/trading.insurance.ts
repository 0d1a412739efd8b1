import { toWire } from '#shared/money/decimal';
import type { Handler } from '../types';
import { freshHistory } from './fresh-history';

export const tradingInsurance: Handler<'trading.insurance'> = (input, s) => ({
  balance: toWire(s.trading.engine.readState.insurance),
  history: freshHistory(s).insurance(input.offset, input.limit),
});
