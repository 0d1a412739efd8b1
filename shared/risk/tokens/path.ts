import type { Dec } from '../../money/decimal';
import { RiskInputError } from '../errors';

/**
 * One day of a price path: optionally a gap to the open (nothing can trade inside a gap), then
 * linear moves through each vertex (a threshold trigger fires at the exact crossing price). The
 * last price reached is the day's close.
 */
export interface PathDay {
  readonly gapTo?: Dec;
  readonly moves: readonly Dec[];
}

export interface PricePath {
  readonly start: Dec;
  readonly days: readonly PathDay[];
}

/**
 * The most prices one path may hold (daily closes, or intraday vertices in all): 100,000 is 273
 * years of daily closes. The exact decimal simulation grows with the path (1,000,000 prices took
 * a minute and 1.2 GB), so a longer one is refused rather than left to run.
 */
export const MAX_PATH_POINTS = 100_000;

export function pathTooLongMessage(count: number, inAll: boolean): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `at most ${n(MAX_PATH_POINTS)} prices${inAll ? ' in all' : ''} (this path has ${n(count)}); shorten it or sample it more coarsely`;
}

function positive(p: Dec, field: string): Dec {
  if (!p.gt(0)) throw new RiskInputError(field, 'prices must be greater than zero');
  return p;
}

/** Daily closes [p0, p1, ..., pn]: day i moves linearly from p_{i-1} to p_i. */
export function pathFromDailyPrices(prices: readonly Dec[], field = 'dailyPrices'): PricePath {
  if (prices.length < 2) throw new RiskInputError(field, 'needs a start price and at least one close');
  if (prices.length > MAX_PATH_POINTS) throw new RiskInputError(field, pathTooLongMessage(prices.length, false));
  prices.forEach((p, i) => positive(p, `${field}.${i}`));
  return { start: prices[0]!, days: prices.slice(1).map((p) => ({ moves: [p] })) };
}

/**
 * Intraday vertices per day, each list from the open to the close. The first day's open is the
 * start price; a later day whose open differs from the previous close gaps to it.
 */
export function pathFromIntraday(days: readonly (readonly Dec[])[], field = 'intradayPath'): PricePath {
  if (days.length === 0) throw new RiskInputError(field, 'needs at least one day');
  const count = days.reduce((sum, day) => sum + day.length, 0);
  if (count > MAX_PATH_POINTS) throw new RiskInputError(field, pathTooLongMessage(count, true));
  days.forEach((day, i) => {
    if (day.length < 2) throw new RiskInputError(`${field}.${i}`, 'a day needs its open and its close');
    day.forEach((p, j) => positive(p, `${field}.${i}.${j}`));
  });
  const first = days[0]!;
  let prevClose = first[first.length - 1]!;
  const out: PathDay[] = [{ moves: first.slice(1) }];
  for (const day of days.slice(1)) {
    const open = day[0]!;
    out.push(open.eq(prevClose) ? { moves: day.slice(1) } : { gapTo: open, moves: day.slice(1) });
    prevClose = day[day.length - 1]!;
  }
  return { start: first[0]!, days: out };
}

export function dayClose(day: PathDay, previousClose: Dec): Dec {
  return day.moves[day.moves.length - 1] ?? day.gapTo ?? previousClose;
}

/** Start price and every day's close. */
export function closes(path: PricePath): Dec[] {
  const out = [path.start];
  for (const day of path.days) out.push(dayClose(day, out[out.length - 1]!));
  return out;
}
