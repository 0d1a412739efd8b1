import { Dec } from '#shared/money/decimal';
import type { JournalTrip } from '#shared/journal/journal-trip';
import { coinMContractSize, isCoinMargined } from '../import/contracts';

/**
 * The money one R stood for: what the trip would have lost at its planned stop, |entry - stop| x
 * size (COIN-M: contracts x contract size x |1/entry - 1/stop|, in the coin). Null when the stop
 * is missing or sits at the entry.
 */
export function riskAmount(trip: Pick<JournalTrip, 'symbol' | 'entryPrice' | 'plannedStop' | 'quantity'>): Dec | null {
  if (trip.plannedStop === null) return null;
  const entry = new Dec(trip.entryPrice);
  const stop = new Dec(trip.plannedStop);
  if (entry.isZero() || stop.isZero() || entry.eq(stop)) return null;
  const q = new Dec(trip.quantity);
  if (isCoinMargined(trip.symbol)) return q.times(coinMContractSize(trip.symbol)).times(new Dec(1).div(entry).minus(new Dec(1).div(stop)).abs());
  return entry.minus(stop).abs().times(q);
}

/** Net result in R (a ratio for statistics: a float, never a balance). */
export function rMultiple(trip: JournalTrip): number | null {
  const risk = riskAmount(trip);
  if (risk === null || risk.isZero()) return null;
  return new Dec(trip.net).div(risk).toDecimalPlaces(4).toNumber();
}
