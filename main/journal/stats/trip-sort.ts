import type { JournalTrip } from '#shared/journal/journal-trip';

export interface TripSort {
  readonly id: string;
  readonly desc: boolean;
}

type Key = (t: JournalTrip) => number | string | null;

/** Sort keys by table column id; decimals compare as numbers (ordering only, never a sum). */
const KEYS: Record<string, Key> = {
  closedAt: (t) => t.closedAt,
  openedAt: (t) => t.openedAt,
  symbol: (t) => t.symbol,
  side: (t) => t.side,
  account: (t) => t.account,
  asset: (t) => t.asset,
  quantity: (t) => Number(t.quantity),
  entryPrice: (t) => Number(t.entryPrice),
  exitPrice: (t) => Number(t.exitPrice),
  realizedPnl: (t) => Number(t.realizedPnl),
  fees: (t) => Number(t.fees),
  funding: (t) => Number(t.funding),
  net: (t) => Number(t.net),
  rMultiple: (t) => t.rMultiple,
  holdingMs: (t) => t.holdingMs,
  leverage: (t) => t.leverage,
  maePct: (t) => t.maePct,
  mfePct: (t) => t.mfePct,
  fillCount: (t) => t.fillCount,
  setup: (t) => t.annotation.setup,
  rating: (t) => t.annotation.rating,
};

export function sortTrips(trips: JournalTrip[], sort: TripSort): JournalTrip[] {
  const key = KEYS[sort.id] ?? KEYS.closedAt!;
  const dir = sort.desc ? -1 : 1;
  return trips.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * dir;
  });
}
