import fc from 'fast-check';
import { describe, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { pathFromDailyPrices, pathFromIntraday, simulateDecay, simulateToken, type RebalanceRule } from '#shared/risk/index';
import { decimal } from './arbitraries';

const leverage = fc.constantFrom(-5, -3, -2, -1, 0.5, 2, 3, 5).map((x) => new Dec(x));
const rule: fc.Arbitrary<RebalanceRule> = fc.oneof(
  fc.constant<RebalanceRule>({ kind: 'daily' }),
  fc.record({ kind: fc.constant('leverage-band' as const), maxAbsLeverage: fc.constant(new Dec(6)), daily: fc.boolean() }),
  fc.record({ kind: fc.constant('price-band' as const), band: decimal(0.05, 0.5, 2), daily: fc.boolean() }),
);
/** Daily returns from -60% to +80%, crashes included. */
const returns = fc.array(decimal(-0.6, 0.8, 3), { minLength: 1, maxLength: 40 });
const costs = fc.record({ managementFeePerDay: decimal(0, 0.001, 5), fundingPerDay: decimal(-0.003, 0.003, 5) });

function pricesFrom(rs: readonly Dec[]): Dec[] {
  const out = [new Dec(100)];
  for (const r of rs) out.push(out[out.length - 1]!.mul(new Dec(1).plus(r)));
  return out;
}

describe('leveraged token properties', () => {
  it('a token never goes below zero, along closes or intraday paths, with any rule and costs', () => {
    fc.assert(
      fc.property(leverage, rule, returns, costs, fc.boolean(), (lev, r, rs, c, intraday) => {
        const ps = pricesFrom(rs);
        const path = intraday
          ? pathFromIntraday(ps.slice(1).map((p, i) => [ps[i]!, ps[i]!.add(p).div(2).mul('0.9'), p]))
          : pathFromDailyPrices(ps);
        const rule2 = r.kind === 'leverage-band' ? { ...r, maxAbsLeverage: lev.abs().plus(1) } : r;
        const t = simulateToken(path, lev, rule2, c);
        return t.path.every((v) => v.gte(0)) && t.valueEnd.gte(0);
      }),
      { numRuns: 300 },
    );
  });

  it('with zero volatility (a flat path) and no costs the token equals the margin position (and spot)', () => {
    fc.assert(
      fc.property(leverage, rule, fc.integer({ min: 1, max: 30 }), decimal(1, 100000, 2), (lev, r, days, p) => {
        const rule2 = r.kind === 'leverage-band' ? { ...r, maxAbsLeverage: lev.abs().plus(1) } : r;
        const out = simulateDecay({ leverage: lev, path: pathFromDailyPrices(Array.from({ length: days + 1 }, () => p)), rebalance: rule2, maintenanceMarginRate: new Dec('0.005') });
        return out.token.valueEnd.eq(out.margin.valueEnd) && out.token.valueEnd.eq(1) && out.spot.valueEnd.eq(1);
      }),
      { numRuns: 200 },
    );
  });

  it('over a single day without costs the daily token equals the margin position of the same leverage', () => {
    fc.assert(
      fc.property(leverage, decimal(-0.15, 0.15, 4), (lev, r) => {
        const out = simulateDecay({ leverage: lev, path: pathFromDailyPrices([new Dec(100), new Dec(100).mul(new Dec(1).plus(r))]), rebalance: { kind: 'daily' }, maintenanceMarginRate: new Dec(0) });
        if (out.margin.liquidated || out.token.wipedOutDay !== null) return true;
        return out.token.valueEnd.minus(out.margin.valueEnd).abs().lt('1e-30');
      }),
      { numRuns: 300 },
    );
  });
});
