import { useCallback, useEffect, useState } from 'react';
import type { ImportProgress } from '#shared/domain/market-import';
import type { Output } from '#shared/ipc/contract';
import { useApi } from '../../api/context';

export type MarketHoldings = Output<'market.series'>;

/** What the workspace holds, refetched whenever main says market data changed. */
export function useMarketHoldings(): { holdings: MarketHoldings | null; error: string | null; refresh: () => void } {
  const api = useApi();
  const [holdings, setHoldings] = useState<MarketHoldings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    void api.call('market.series').then((r) => {
      if (r.ok) {
        setHoldings(r.value);
        setError(null);
      } else setError(r.error.message);
    });
  }, [api]);
  useEffect(() => {
    refresh();
    const off = api.on('market.changed', refresh);
    // The stream may (re)connect after the first fetch: fetch again so nothing is missed.
    const offStatus = api.onStatus((s) => s === 'open' && refresh());
    return () => {
      off();
      offStatus();
    };
  }, [api, refresh]);
  return { holdings, error, refresh };
}

/** The latest progress event of the running import (any window may have started it). */
export function useImportProgress(): ImportProgress | null {
  const api = useApi();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => api.on('market.importProgress', setProgress), [api]);
  return progress;
}
