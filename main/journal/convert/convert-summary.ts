import { Dec, toWire, ZERO } from '#shared/money/decimal';
import type { ConvertedSummary } from '#shared/journal/journal-import';
import type { JournalTrip } from '#shared/journal/journal-trip';
import type { TripRates } from './trip-rates';

/**
 * The trips' net results converted into one quote asset, asked for by the user: each trip at
 * the stored price at its close, exact (decimal), kept per source asset and then totalled. Trips
 * without a stored price are counted, never guessed; the per-asset totals stay unconverted.
 */
export function convertSummary(trips: readonly JournalTrip[], rates: TripRates): ConvertedSummary {
  const per = new Map<string, { net: Dec; converted: Dec; trips: number; missing: number }>();
  let total = ZERO;
  let missing = 0;
  trips.forEach((t, i) => {
    let s = per.get(t.asset);
    if (!s) per.set(t.asset, (s = { net: ZERO, converted: ZERO, trips: 0, missing: 0 }));
    s.trips += 1;
    const p = rates.price[i];
    if (p === null || p === undefined) {
      s.missing += 1;
      missing += 1;
      return;
    }
    const net = new Dec(t.net);
    const value = rates.inverse[i] ? net.div(p) : net.times(p);
    s.net = s.net.plus(net);
    s.converted = s.converted.plus(value);
    total = total.plus(value);
  });
  const byAsset: ConvertedSummary['byAsset'] = {};
  for (const [asset, s] of [...per.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    byAsset[asset] = {
      trips: s.trips,
      convertedTrips: s.trips - s.missing,
      missingTrips: s.missing,
      net: toWire(s.net),
      converted: toWire(s.converted),
      source: asset === rates.quote ? `already ${rates.quote}` : (rates.pricing.find((p) => p.asset === asset)?.source ?? ''),
    };
  }
  return { quote: rates.quote, label: `converted to ${rates.quote} at stored prices (trip nets only)`, byAsset, net: toWire(total), missingTrips: missing };
}
