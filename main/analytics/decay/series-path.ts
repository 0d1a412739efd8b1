import { SeriesRefSchema, type SeriesRef } from '#shared/domain/decay-lab';
import { INTERVAL_MS, type Interval } from '#shared/domain/market-series';
import { Dec, ZERO } from '#shared/money/decimal';
import { pathFromDailyPrices, pathFromIntraday, type PricePath } from '#shared/risk/index';
import type { MarketData } from '../../market/feed/compile';

export { SeriesRefSchema, type SeriesRef };

const DAY = 86_400_000;
export class SeriesPathError extends Error {
  override readonly name = 'SeriesPathError';
}

export interface SeriesPath {
  readonly path: PricePath;
  /** Start of each day (ms), day 1 first; dayStarts[0] is also the start price's time. */
  readonly dayStarts: number[];
  /** Stored funding summed per day (the day's settlements), or null when the workspace holds none in the window. */
  readonly fundingByDay: Dec[] | null;
  readonly candles: number;
  readonly interval: Interval;
}

/** Candle vertices in the CandlePath order: open, the extreme nearer the open (low on a tie), the other, close. */
function vertices(c: { open: string; high: string; low: string; close: string }): Dec[] {
  const o = new Dec(c.open);
  const h = new Dec(c.high);
  const l = new Dec(c.low);
  const lowFirst = o.minus(l).lte(h.minus(o));
  return lowFirst ? [o, l, h, new Dec(c.close)] : [o, h, l, new Dec(c.close)];
}

export function seriesPath(data: MarketData, ref: SeriesRef): SeriesPath {
  if (!(ref.to > ref.from)) throw new SeriesPathError('series: "to" must be after "from"');
  const series = data.findSeries({ venue: ref.venue, symbol: ref.symbol, interval: ref.interval, kind: ref.kind });
  if (!series) throw new SeriesPathError(`series: the workspace holds no ${ref.venue} ${ref.symbol} ${ref.interval} ${ref.kind} candles`);
  const step = INTERVAL_MS[ref.interval];
  if (step > DAY) throw new SeriesPathError(`series: the interval must be 1d or finer (got ${ref.interval})`);
  const candles = data.candles(series.id, ref.from, ref.to, 2_000_000);
  if (candles.length === 0) throw new SeriesPathError(`series: no candles of ${ref.venue} ${ref.symbol} ${ref.interval} open in the window`);
  // The first day starts at the first candle at the rebalance hour.
  const offset = ref.rebalanceHourUtc * 3_600_000;
  const firstIdx = candles.findIndex((c) => (((c.t - offset) % DAY) + DAY) % DAY === 0);
  if (firstIdx < 0) throw new SeriesPathError(`series: no candle opens at ${ref.rebalanceHourUtc}:00 UTC in the window, so no day can start`);
  const t0 = candles[firstIdx]!.t;
  const byDay: (typeof candles)[] = [];
  for (const c of candles.slice(firstIdx)) {
    const d = Math.floor((c.t - t0) / DAY);
    (byDay[d] ??= []).push(c);
  }
  // Whole days only, from the first: a day ends with the candle that closes at the next rebalance hour.
  let n = 0;
  while (n < byDay.length && byDay[n] !== undefined && byDay[n]![byDay[n]!.length - 1]!.t + step === t0 + (n + 1) * DAY) n += 1;
  if (n < 1) throw new SeriesPathError('series: the window holds no complete day of candles from the rebalance hour');
  const used = byDay.slice(0, n);
  const first = used[0]![0]!;
  let path: PricePath;
  if (ref.path === 'daily') {
    path = pathFromDailyPrices([new Dec(first.open), ...used.map((cs) => new Dec(cs[cs.length - 1]!.close))]);
  } else {
    path = pathFromIntraday(used.map((cs) => cs.flatMap((c) => vertices(c))));
  }
  const dayStarts = Array.from({ length: n + 1 }, (_, d) => t0 + d * DAY);
  const rates = data.fundingRange(ref.venue, ref.symbol, t0, t0 + n * DAY);
  let fundingByDay: Dec[] | null = null;
  if (rates.length > 0) {
    fundingByDay = Array.from({ length: n }, () => ZERO);
    for (const r of rates) {
      const d = Math.floor((r.t - t0) / DAY);
      if (d >= 0 && d < n) fundingByDay[d] = fundingByDay[d]!.plus(r.rate);
    }
  }
  return { path, dayStarts, fundingByDay, candles: used.reduce((k, cs) => k + cs.length, 0), interval: ref.interval };
}
