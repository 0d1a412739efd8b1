import type { JournalTrip } from '#shared/journal/journal-trip';

/**
 * The numbers every statistic reads, parsed once per book instead of once per query: a trip's
 * net result (Number() of its exact decimal string: analytics only, never a balance), its R and
 * close time, in typed arrays so a pass over 100,000 trips allocates next to nothing.
 */
export interface TripColumns {
  readonly trips: readonly JournalTrip[];
  readonly net: Float64Array;
  /** NaN where the trip has no R (no planned stop). */
  readonly r: Float64Array;
  readonly closedAt: Float64Array;
}

const cache = new WeakMap<readonly JournalTrip[], TripColumns>();

export function tripColumns(trips: readonly JournalTrip[]): TripColumns {
  let c = cache.get(trips);
  if (c && c.trips.length === trips.length) return c;
  const n = trips.length;
  const net = new Float64Array(n);
  const r = new Float64Array(n);
  const closedAt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = trips[i]!;
    net[i] = Number(t.net);
    r[i] = t.rMultiple ?? Number.NaN;
    closedAt[i] = t.closedAt;
  }
  c = { trips, net, r, closedAt };
  cache.set(trips, c);
  return c;
}
