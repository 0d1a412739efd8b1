import { useCallback, useEffect, useState } from 'react';
import type { Output } from '#shared/ipc/contract';
import type { JournalFilter } from '#shared/journal/journal-stats';
import { useApi } from '../../api/context';

export type JournalOptions = Output<'journal.options'>;

export interface JournalData {
  readonly filter: JournalFilter;
  setFilter(f: JournalFilter): void;
  readonly options: JournalOptions | null;
  /** Bumped after an import or an annotation: tables and statistics reload. */
  readonly version: number;
  refresh(): void;
  readonly error: string | null;
}

/** The Journal view's shared state: the filter, what it can choose from, and a data version. */
export function useJournal(): JournalData {
  const api = useApi();
  const [filter, setFilter] = useState<JournalFilter>({});
  const [options, setOptions] = useState<JournalOptions | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('journal.options').then((r) => {
      if (!live) return;
      if (r.ok) setOptions(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return { filter, setFilter, options, version, refresh, error };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function utcDay(t: number): string {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function utcDateTime(t: number | null): string {
  if (t === null) return '—';
  const d = new Date(t);
  return `${utcDay(t)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function duration(ms: number): string {
  const m = Math.round(ms / 60_000);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** Analytics numbers (floats from the statistics) for display. */
export function num(x: number | null | undefined, dp = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', { minimumFractionDigits: dp, maximumFractionDigits: dp });
}

export function pct(x: number | null | undefined, dp = 1): string {
  return x === null || x === undefined ? '—' : `${num(x * 100, dp)}%`;
}
