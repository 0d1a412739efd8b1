import { useEffect, useState } from 'react';
import type { SymbolSettingsView } from '#shared/ipc/channels/trading';
import { useApi } from '../../../api/context';

/** The trader's leverage and margin mode for the symbol, re-read whenever `version` moves. */
export function useSymbolSettings(symbol: string, version: string): SymbolSettingsView | null {
  const api = useApi();
  const [value, setValue] = useState<SymbolSettingsView | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('trading.symbolSettings', { symbol }).then((r) => live && r.ok && setValue(r.value));
    return () => {
      live = false;
    };
  }, [api, symbol, version]);
  return value?.symbol === symbol ? value : null;
}
