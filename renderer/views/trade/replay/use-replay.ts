import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReplayFrame, ReplayStatus } from '#shared/domain/market-replay';
import type { ScenarioEntry } from '#shared/domain/scenario';
import type { Result } from '#shared/ipc/result';
import { useApi } from '../../../api/context';

export interface ReplayApi {
  readonly status: ReplayStatus | null;
  readonly scenarios: readonly ScenarioEntry[];
  readonly error: string | null;
  /** A scenario is being loaded (a crowd of 100,000 takes seconds to build). */
  readonly loading: string | null;
  play(): Promise<void>;
  pause(): Promise<void>;
  load(id: string): Promise<void>;
  speed(speed: ReplayStatus['speed']): Promise<void>;
  step(ticks: number): Promise<void>;
  seek(t: number): Promise<void>;
}

/**
 * The replay clock as the Trade view sees it: status (from the call and the 'replay.status'
 * event), the scenario list, and the controls. Frames are NOT kept in React state: at 30 a
 * second they go straight to their consumers (the chart) through onReplayFrame.
 */
export function useReplay(): ReplayApi {
  const api = useApi();
  const [status, setStatus] = useState<ReplayStatus | null>(null);
  const [scenarios, setScenarios] = useState<readonly ScenarioEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('replay.status').then((r) => live && r.ok && setStatus(r.value));
    void api.call('market.scenarios').then((r) => live && r.ok && setScenarios(r.value.scenarios));
    const offStatus = api.on('replay.status', (s) => setStatus(s));
    const offChanged = api.on('market.changed', () => void api.call('market.scenarios').then((r) => live && r.ok && setScenarios(r.value.scenarios)));
    return () => {
      live = false;
      offStatus();
      offChanged();
    };
  }, [api]);

  const apply = useCallback(async (p: Promise<Result<ReplayStatus>>) => {
    const r = await p;
    if (r.ok) {
      setStatus(r.value);
      setError(null);
    } else {
      setError(r.error.message);
    }
  }, []);

  const controls = useMemo(
    () => ({
      play: () => apply(api.call('replay.play')),
      pause: () => apply(api.call('replay.pause')),
      load: async (id: string) => {
        setLoading(id);
        try {
          await apply(api.call('replay.load', { source: { kind: 'scenario', id } }));
        } finally {
          setLoading(null);
        }
      },
      speed: (speed: ReplayStatus['speed']) => apply(api.call('replay.speed', { speed })),
      step: (ticks: number) => apply(api.call('replay.step', { ticks })),
      seek: (t: number) => apply(api.call('replay.seek', { t })),
    }),
    [api, apply],
  );
  return { status, scenarios, error, loading, ...controls };
}

/** Subscribes a consumer to replay frames (the chart, the last-price flash) outside React state. */
export function useReplayFrames(onFrame: (frame: ReplayFrame) => void): void {
  const api = useApi();
  useEffect(() => api.on('replay.frame', onFrame), [api, onFrame]);
}
