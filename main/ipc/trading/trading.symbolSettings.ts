import { TRADER_ID } from '#main/engine/model/ids';
import type { Handler } from '../types';

/**
 * The trader's leverage and margin mode for a symbol: the setting when there is one, else the
 * session's defaults (what a first order would use). A position carries the same values.
 */
export const tradingSymbolSettings: Handler<'trading.symbolSettings'> = (input, s) => {
  const state = s.trading.engine.readState;
  const own = state.accounts.get(TRADER_ID)?.settings.get(input.symbol);
  return { symbol: input.symbol, leverage: own?.leverage ?? state.defaults.leverage, marginMode: own?.mode ?? state.defaults.mode };
};
