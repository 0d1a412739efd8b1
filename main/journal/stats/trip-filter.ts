import type { JournalFilter } from '#shared/journal/journal-stats';
import type { JournalTrip } from '#shared/journal/journal-trip';

/** Date, account, symbol, source and tag filters (tags: all AND, any OR, none NOT). */
export function filterTrips(trips: readonly JournalTrip[], f: JournalFilter): JournalTrip[] {
  const accounts = f.accounts && f.accounts.length > 0 ? new Set(f.accounts) : null;
  const symbols = f.symbols && f.symbols.length > 0 ? new Set(f.symbols) : null;
  const sources = f.sources && f.sources.length > 0 ? new Set(f.sources) : null;
  const all = f.tags?.all ?? [];
  const any = f.tags?.any ?? [];
  const none = f.tags?.none ?? [];
  const tagged = all.length + any.length + none.length > 0;
  return trips.filter((t) => {
    if (f.from !== undefined && t.closedAt < f.from) return false;
    if (f.to !== undefined && t.closedAt > f.to) return false;
    if (accounts && !accounts.has(t.account)) return false;
    if (symbols && !symbols.has(t.symbol)) return false;
    if (sources && !sources.has(t.source)) return false;
    if (tagged) {
      const tags = t.annotation.tags;
      if (!all.every((x) => tags.includes(x))) return false;
      if (any.length > 0 && !any.some((x) => tags.includes(x))) return false;
      if (none.some((x) => tags.includes(x))) return false;
    }
    return true;
  });
}
