import { useCallback, useState } from 'react';
import type { ComingFunding, ReplayFrame, ReplayStatus } from '#shared/domain/market-replay';
import { useReplayFrames } from './use-replay';

/**
 * The coming funding settlement (stored rate or the model's running estimate) from the replay's
 * status and, between statuses, its frames. React state changes only when the value does.
 */
export function useComingFunding(status: ReplayStatus | null): ComingFunding | null {
  const [fromFrame, setFromFrame] = useState<{ key: string; value: ComingFunding | null } | null>(null);
  const onFrame = useCallback((f: ReplayFrame) => {
    if (f.comingFunding === undefined) return;
    const value = f.comingFunding;
    const key = value ? `${value.t}:${value.rate}:${value.source}` : '';
    setFromFrame((prev) => (prev?.key === key ? prev : { key, value }));
  }, []);
  useReplayFrames(onFrame);
  const fromStatus = status?.comingFunding ?? null;
  // The later of the two wins: a frame newer than the status, or a status after a seek.
  if (fromFrame && status?.state === 'playing') return fromFrame.value;
  return fromStatus ?? fromFrame?.value ?? null;
}
