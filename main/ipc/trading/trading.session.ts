import type { Handler } from '../types';

export const tradingSession: Handler<'trading.session'> = (_input, s) => {
  const t = s.trading;
  const st = t.engine.readState;
  const session = t.currentSession;
  return {
    active: session !== null,
    name: session?.name ?? null,
    key: session?.key ?? null,
    symbols: [...st.markets.keys()].sort(),
    t0: session?.t0 ?? null,
    t: Number.isFinite(st.t) ? st.t : null,
    seq: st.seq,
    stateHash: t.stateHash(),
    pendingScriptSteps: t.pendingScriptSteps,
  };
};
