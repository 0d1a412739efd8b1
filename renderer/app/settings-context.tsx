import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Settings, SettingsPatch } from '#shared/domain/settings';
import type { IpcError } from '#shared/ipc/errors';
import { useApi } from '../api/context';

interface SettingsState {
  readonly settings: Settings;
  /** Saves a partial update; resolves with the error if main refused it. */
  update(patch: SettingsPatch): Promise<IpcError | null>;
}

const SettingsContext = createContext<SettingsState | null>(null);

/** Loads settings once, follows 'settings.changed' from any window, and exposes update(). */
export function SettingsProvider({ children, fallback }: { children: ReactNode; fallback: (error: string | null) => ReactNode }) {
  const api = useApi();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.call('settings.get').then((r) => {
      if (!live) return;
      if (r.ok) setSettings(r.value);
      else setError(r.error.message);
    });
    const off = api.on('settings.changed', (next) => setSettings(next));
    return () => {
      live = false;
      off();
    };
  }, [api]);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const r = await api.call('settings.update', patch);
      if (!r.ok) return r.error;
      setSettings(r.value);
      return null;
    },
    [api],
  );

  useEffect(() => {
    if (settings) document.documentElement.dataset.theme = settings.theme;
  }, [settings]);

  if (!settings) return <>{fallback(error)}</>;
  return <SettingsContext.Provider value={{ settings, update }}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const s = useContext(SettingsContext);
  if (!s) throw new Error('useSettings outside <SettingsProvider>');
  return s;
}
