import { INTERVAL_MS, type SeriesKey } from '#shared/domain/market-series';

/** "2022-11-08 14:00" (UTC): market times are always shown in UTC, the exchanges' clock. */
export function utc(ms: number | null): string {
  if (ms === null) return '—';
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function utcDay(ms: number | null): string {
  return ms === null ? '—' : new Date(ms).toISOString().slice(0, 10);
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

/** "30 d", "2 h", "120 min": a window's length for a trader. */
export function span(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} d`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

export const KIND_LABEL: Record<SeriesKey['kind'], string> = { trade: 'Trades (last)', mark: 'Mark price', index: 'Index price', premium: 'Premium index' };

/** The end of a series' coverage: the close of its last candle. */
export function coverageEnd(to: number | null, interval: SeriesKey['interval']): number | null {
  return to === null ? null : to + INTERVAL_MS[interval];
}

/** Decimals to show for a series' prices, from a sample of its text. */
export function decimalsOf(text: string | undefined): number {
  if (!text) return 2;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(8, text.length - dot - 1);
}
