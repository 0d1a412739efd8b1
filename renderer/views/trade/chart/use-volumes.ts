import { useEffect, useState } from 'react';
import type { ReplayScenarioInfo } from '#shared/domain/market-replay';
import { useApi } from '../../../api/context';

/**
 * Real traded volume for a replay of stored candles, by bar time: the replay's bars carry no
 * volume, so it is read from the stored trade series of the same symbol and interval. Synthetic
 * markets have none, and the chart then shows none rather than an invented one.
 */
export function useVolumes(scenario: ReplayScenarioInfo | null): ReadonlyMap<number, string> | null {
  const api = useApi();
  const [volumes, setVolumes] = useState<{ key: string; map: ReadonlyMap<number, string> } | null>(null);
  const key = scenario ? `${scenario.id}:${scenario.start}:${scenario.barInterval}` : '';
  const stored = scenario?.marketType === 'stored';
  const symbol = scenario?.symbol ?? '';
  const interval = scenario?.barInterval ?? null;
  const start = scenario?.start ?? 0;
  const end = scenario?.end ?? 0;
  useEffect(() => {
    if (!stored || !interval) return;
    let live = true;
    void (async () => {
      const list = await api.call('market.series');
      if (!list.ok) return;
      const series = list.value.series.find((s) => s.symbol === symbol && s.kind === 'trade' && s.interval === interval);
      if (!series) return;
      const bars = await api.call('market.bars', { seriesId: series.id, from: start, to: end, maxBars: 5000 });
      if (!bars.ok || !live) return;
      const map = new Map<number, string>();
      for (const c of bars.value.candles) if (c.volume != null) map.set(c.t, c.volume);
      setVolumes({ key, map });
    })();
    return () => {
      live = false;
    };
  }, [api, key, stored, symbol, interval, start, end]);
  return volumes && volumes.key === key ? volumes.map : null;
}
