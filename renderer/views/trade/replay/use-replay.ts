import { useCallback, useEffect, useMemo, useState } from 'react';
import { REPLAY_SPEEDS, type PauseOn, type ReplayFrame, type ReplayStatus } from '#shared/domain/market-replay';
import { INTERVAL_MS } from '#shared/domain/market-series';
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
  /** One tick back: a seek to the tick before (the engine rewinds), then that tick again. */
  stepBack(): Promise<void>;
  /** One bar of the chart's interval forward (+1) or back (-1). */
  seekBar(direction: 1 | -1): Promise<void>;
  /** The next speed up (+1) or down (-1). */
  nudgeSpeed(direction: 1 | -1): Promise<void>;
  pauseOn(p: Partial<PauseOn>): Promise<void>;
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
      pauseOn: (p: Partial<PauseOn>) => apply(api.call('replay.pauseOn', p)),
    }),
    [api, apply],
  );
  const relative = useMemo(() => {
    const now = (): { t: number; stepMs: number; barMs: number; start: number } | null => {
      const sc = status?.scenario;
      return sc && status?.t != null ? { t: status.t, stepMs: sc.stepMs, barMs: INTERVAL_MS[sc.barInterval], start: sc.start } : null;
    };
    return {
      stepBack: async () => {
        const n = now();
        if (!n) return;
        // Paused between ticks after playing, the clock reads past its last tick: go from that tick.
        const lastTick = n.start + Math.floor((n.t - n.start) / n.stepMs) * n.stepMs;
        if (lastTick - n.stepMs < n.start) return;
        await controls.seek(lastTick - n.stepMs);
        await controls.step(1);
      },
      seekBar: async (direction: 1 | -1) => {
        const n = now();
        if (n) await controls.seek(n.t + direction * n.barMs);
      },
      nudgeSpeed: async (direction: 1 | -1) => {
        const i = REPLAY_SPEEDS.indexOf(status?.speed ?? '60x');
        const next = REPLAY_SPEEDS[Math.max(0, Math.min(REPLAY_SPEEDS.length - 1, i + direction))]!;
        if (next !== status?.speed) await controls.speed(next);
      },
    };
  }, [status, controls]);
  return { status, scenarios, error, loading, ...controls, ...relative };
}

/** Subscribes a consumer to replay frames (the chart, the last-price flash) outside React state. */
export function useReplayFrames(onFrame: (frame: ReplayFrame) => void): void {
  const api = useApi();
  useEffect(() => api.on('replay.frame', onFrame), [api, onFrame]);
}
