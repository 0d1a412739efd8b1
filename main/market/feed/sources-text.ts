import type { FeedSources } from '#shared/domain/market-replay';
import type { Scenario } from '#shared/domain/scenario';
import type { FeedSpec } from './feed-spec';

const pct = (x: number): string => `${+(x * 100).toFixed(2)} %`;
const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

/** How each part of the market is made, said plainly: modelled things are called modelled. */
export function describeSources(s: Scenario, spec: Omit<FeedSpec, 'sources'>, text: { last: string; anchor: string; mark: string | null }): FeedSources {
  const total = s.index.venues.reduce((a, v) => a + v.weight, 0);
  const venues = s.index.venues.map((v) => `${v.id} ${pct(v.weight / total)}`).join(', ');
  const noise = s.index.venues.map((v) => v.noiseBps);
  const lags = s.index.venues.map((v) => v.lagMs / 1000);
  const index =
    `MODELLED, not real venue prices: ${s.index.venues.length} venues (${venues}) follow ${text.anchor} with seeded noise ` +
    `(${Math.min(...noise)}–${Math.max(...noise)} bps) and lags (${Math.min(...lags)}–${Math.max(...lags)} s)` +
    `${spec.wick ? `; ${spec.wick.venue} prints the scenario's wick` : ''}. ` +
    `Index = weighted mean after ${s.index.outlier === 'clip' ? 'clipping' : 'dropping'} sources beyond ±${pct(s.index.bandPct)} of the median; ` +
    `a source silent for ${s.index.staleMs / 1000} s gets weight 0.`;
  const mark = text.mark
    ? text.mark
    : `median(price1, price2, last): price1 = index × (1 + funding estimate × time to funding / interval), ` +
      `price2 = index + ${s.mark.basisWindowMs / 60_000}-min average of (last − index) capped at ±${s.mark.basisCapBps} bps`;
  const f = spec.funding;
  const funding =
    f.kind === 'history'
      ? `${s.funding.source === 'history' ? s.funding.venue : ''} funding history (stored): the settled rates at their times; between settlements price1 uses the coming settled rate`
      : `premium model: F = P̄ + clamp(${f.rules.interest.mul(100).toString()} % − P̄, ±${f.rules.clamp.mul(100).toString()} %), capped at ±${f.rules.cap.mul(100).toString()} %, every ${f.intervalHours} h; P̄ averages [max(0, bid − index) − max(0, index − ask)] / index at every tick`;
  const w = spec.liquidity.windows;
  const liquidity =
    `MODELLED book: depth ${spec.liquidity.base.depthScale}×, spread ${spec.liquidity.base.spreadBps} bps` +
    (w.length === 0 ? '' : `; ${w.map((x) => `${hhmm(x.from)}–${hhmm(x.to)} UTC at ${x.depthScale}× depth, ${x.spreadBps} bps`).join('; ')}`);
  return { last: text.last, index, mark, funding, liquidity, indexModelled: true };
}
