import { DAY_MS, type LabInputParsed } from './lab-types';
import { Dec, ONE } from '#shared/money/decimal';
import { pathFromDailyPrices, pathFromIntraday, type PricePath } from '#shared/risk/index';
import { modelPrices } from '#shared/risk/tokens/mc/kernel';
import type { MarketData } from '../../market/feed/compile';
import { seriesPath } from './series-path';

export interface LabPath {
  readonly path: PricePath;
  readonly times: number[];
  readonly fundingByDay: Dec[] | null;
  readonly description: string;
}

/** Synthetic and typed paths have no date: their days count from here. */
const SYNTHETIC_EPOCH = Date.UTC(2024, 0, 1);
const START_PRICE = new Dec(100);

function dayTimes(days: number, start: number): number[] {
  return Array.from({ length: days + 1 }, (_, d) => start + d * DAY_MS);
}

/** The exact path of the view's source: a stored series, one seeded synthetic path, or typed returns. */
export function labPath(data: MarketData, source: LabInputParsed['source']): LabPath {
  switch (source.type) {
    case 'series': {
      const sp = seriesPath(data, source.series);
      const s = source.series;
      const from = new Date(sp.dayStarts[0]!).toISOString().slice(0, 16).replace('T', ' ');
      return { path: sp.path, times: sp.dayStarts, fundingByDay: sp.fundingByDay, description: `${s.venue} ${s.symbol} ${s.interval} ${s.kind}, ${sp.dayStarts.length - 1} days from ${from} UTC, ${s.path}` };
    }
    case 'synthetic': {
      // The Monte Carlo's own generator and model (stream 0 of the seed), rounded to 8 significant
      // digits so the exact decimal simulation has short numbers to work with.
      const buf = modelPrices(source, source.seed, 0);
      const px = Array.from(buf, (x) => START_PRICE.mul(new Dec(x.toPrecision(8))));
      const days = Array.from({ length: source.days }, (_, d) => [d === 0 ? START_PRICE : px[d * source.stepsPerDay - 1]!, ...px.slice(d * source.stepsPerDay, (d + 1) * source.stepsPerDay)]);
      const m = source.model;
      const what = m.type === 'gbm' ? 'GBM' : `jump-diffusion (${m.jumpIntensity} jumps/yr, log jump ${m.jumpMean} +- ${m.jumpVolatility})`;
      return {
        path: pathFromIntraday(days),
        times: dayTimes(source.days, SYNTHETIC_EPOCH),
        fundingByDay: null,
        description: `${what}, drift ${m.drift}, volatility ${m.volatility}, ${source.days} days x ${source.stepsPerDay} steps, seed ${source.seed}`,
      };
    }
    case 'returns': {
      const prices = [START_PRICE];
      for (let k = 0; k < source.repeat; k += 1) for (const r of source.returns) prices.push(prices[prices.length - 1]!.mul(ONE.plus(r)));
      const days = prices.length - 1;
      return {
        path: pathFromDailyPrices(prices, 'source.returns'),
        times: dayTimes(days, SYNTHETIC_EPOCH),
        fundingByDay: null,
        description: `typed returns ${source.returns.map((r) => `${new Dec(r).mul(100).toFixed()}%`).join(', ')}${source.repeat > 1 ? ` x ${source.repeat}` : ''}`,
      };
    }
    default: {
      const never: never = source;
      throw new Error(`unknown source ${String(never)}`);
    }
  }
}
