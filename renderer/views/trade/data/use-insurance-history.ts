import { useEffect, useState } from 'react';
import type { InsuranceEntry } from '#shared/domain/trading-history';
import { useApi } from '../../../api/context';

/** The fund's latest changes, oldest first, for the account panel's sparkline. */
export function useInsuranceHistory(version: number, count = 300): readonly InsuranceEntry[] {
  const api = useApi();
  const [rows, setRows] = useState<readonly InsuranceEntry[]>([]);
  useEffect(() => {
    let live = true;
    void api.call('trading.insurance', { offset: 0, limit: count }).then((r) => live && r.ok && setRows([...r.value.history.rows].reverse()));
    return () => {
      live = false;
    };
  }, [api, version, count]);
  return rows;
}
