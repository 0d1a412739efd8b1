import type { Handler } from '../types';

/** The hash of a big state comes from a worker (TradingService.stateHashAsync): the answer waits, main does not. */
export const tradingSession: Handler<'trading.session'> = async (_input, s) => {
  const t = s.trading;
  const st = t.engine.readState;
  const session = t.currentSession;
  const info = {
    active: session !== null,
    name: session?.name ?? null,
    key: session?.key ?? null,
    symbols: [...st.markets.keys()].sort(),
    t0: session?.t0 ?? null,
    t: Number.isFinite(st.t) ? st.t : null,
    seq: st.seq,
    pendingScriptSteps: t.pendingScriptSteps,
  };
  return { ...info, stateHash: await t.stateHashAsync() };
};
