import type { JournalFilter } from '#shared/journal/journal-stats';
import type { JournalTrip } from '#shared/journal/journal-trip';

/** Date, account, symbol, source and tag filters (tags: all AND, any OR, none NOT) as one predicate. */
export function tripPredicate(f: JournalFilter): (t: JournalTrip) => boolean {
  const accounts = f.accounts && f.accounts.length > 0 ? new Set(f.accounts) : null;
  const symbols = f.symbols && f.symbols.length > 0 ? new Set(f.symbols) : null;
  const sources = f.sources && f.sources.length > 0 ? new Set(f.sources) : null;
  const all = f.tags?.all ?? [];
  const any = f.tags?.any ?? [];
  const none = f.tags?.none ?? [];
  const tagged = all.length + any.length + none.length > 0;
  return (t) => {
    if (f.from !== undefined && t.closedAt < f.from) return false;
    if (f.to !== undefined && t.closedAt > f.to) return false;
    if (accounts && !accounts.has(t.account)) return false;
    if (symbols && !symbols.has(t.symbol)) return false;
    if (sources && !sources.has(t.source)) return false;
    if (tagged) {
      const tags = t.annotation.tags;
      if (tags.length === 0) return all.length === 0 && any.length === 0;
      if (!all.every((x) => tags.includes(x))) return false;
      if (any.length > 0 && !any.some((x) => tags.includes(x))) return false;
      if (none.some((x) => tags.includes(x))) return false;
    }
    return true;
  };
}

export function filterTrips(trips: readonly JournalTrip[], f: JournalFilter): JournalTrip[] {
  return trips.filter(tripPredicate(f));
}

/** The positions in `trips` that pass the filter (statistics read their columns by position). */
export function filterIndices(trips: readonly JournalTrip[], f: JournalFilter): Int32Array {
  const keep = tripPredicate(f);
  const out = new Int32Array(trips.length);
  let n = 0;
  for (let i = 0; i < trips.length; i++) if (keep(trips[i]!)) out[n++] = i;
  return out.subarray(0, n);
}
