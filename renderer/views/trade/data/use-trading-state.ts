import { useCallback, useEffect, useState } from 'react';
import type { ReplayStatus } from '#shared/domain/market-replay';
import type { SessionInfo, TradingState } from '#shared/ipc/channels/trading';
import { useApi } from '../../../api/context';

/**
 * Which scenario the replay has loaded, as a key: a different one means a different paper-trading
 * session. Known from the replay's status at once, where the session's own key waits for
 * trading.session (slow while a big crowd opens).
 */
export function scenarioKey(scenario: ReplayStatus['scenario']): string {
  return scenario ? `${scenario.id ?? scenario.name}:${scenario.start}:${scenario.seed}` : '';
}

export interface TradingStateApi {
  readonly state: TradingState | null;
  readonly session: SessionInfo | null;
  /** Bumped on 'trading.reset' (a seek back or a new session): every history must be refetched. */
  readonly epoch: number;
  setState(state: TradingState): void;
}

/**
 * Account, positions, open orders and market views: the snapshot from trading.state, then each
 * coalesced 'trading.state' push (at most ~10 a second). A reset refetches the session too.
 */
export function useTradingState(): TradingStateApi {
  const api = useApi();
  const [state, setState] = useState<TradingState | null>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [epoch, setEpoch] = useState(0);

  const refetch = useCallback(() => {
    void api.call('trading.state').then((r) => r.ok && setState(r.value));
    void api.call('trading.session').then((r) => r.ok && setSession(r.value));
  }, [api]);

  useEffect(() => {
    refetch();
    const offState = api.on('trading.state', (s) => setState(s));
    const offReset = api.on('trading.reset', () => {
      setEpoch((e) => e + 1);
      refetch();
    });
    // A replay that loads a new scenario starts a new session. Only then is the session re-read:
    // its answer carries the state hash, which costs a pass over every crowd position.
    let lastKey: string | null = null;
    const offReplay = api.on('replay.status', (st) => {
      const key = scenarioKey(st.scenario);
      if (key === lastKey) return;
      lastKey = key;
      void api.call('trading.session').then((r) => r.ok && setSession(r.value));
    });
    return () => {
      offState();
      offReset();
      offReplay();
    };
  }, [api, refetch]);

  return { state, session, epoch, setState };
}
