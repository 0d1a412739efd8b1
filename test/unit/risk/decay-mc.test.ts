import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { pathFromIntraday, simulateDecay, type RebalanceRule } from '#shared/risk/index';
import { PathWalker, pathOf, simulateBlock } from '#shared/risk/tokens/mc/kernel';
import type { McConfig, McRebalance } from '#shared/risk/tokens/mc/model';
import { fillNormals } from '#shared/risk/tokens/mc/normal';
import { seedRng } from '#shared/risk/tokens/mc/rng';
import { stats } from '#shared/risk/tokens/mc/summary';

const gbm = (drift: number, volatility: number, days: number, leverages: number[], rebalance: McRebalance = { kind: 'daily' }): McConfig => ({
  model: { type: 'gbm', drift, volatility },
  days,
  stepsPerDay: 1,
  maintenanceMarginRate: 0.004,
  tokens: leverages.map((leverage) => ({ leverage, rebalance, managementFeePerDay: 0, fundingPerDay: 0 })),
});

function terminals(cfg: McConfig, paths: number, seed: number, instrument: number): Float64Array {
  const out = new Float64Array(paths);
  for (let b = 0, at = 0; at < paths; b += 1) {
    const n = Math.min(2048, paths - at);
    const block = simulateBlock(cfg, seed, b, n);
    out.set(block.terminal.subarray(instrument * n, (instrument + 1) * n), at);
    at += n;
  }
  return out;
}

/** E[ln(1 + L(e^X - 1))], X ~ N(m, s^2), by the trapezoid rule over +-10 sd (the daily-step log-growth). */
function expectedLogFactor(L: number, m: number, s: number): number {
  const n = 20_000;
  const h = 20 / n;
  let acc = 0;
  for (let i = 0; i <= n; i += 1) {
    const z = -10 + i * h;
    const f = 1 + L * (Math.exp(m + s * z) - 1);
    const w = (i === 0 || i === n ? 0.5 : 1) * Math.exp(-0.5 * z * z);
    acc += w * Math.log(Math.max(f, 1e-300));
  }
  return (acc * h) / Math.sqrt(2 * Math.PI);
}

describe('the normal generator (ziggurat over xoshiro128**)', () => {
  it('has the moments and tail of a standard normal', () => {
    const rng = seedRng(11, 0);
    const xs = new Float64Array(400_000);
    fillNormals(rng, xs);
    let m = 0;
    let v = 0;
    let beyond2 = 0;
    for (const x of xs) {
      m += x;
      v += x * x;
      if (Math.abs(x) > 2) beyond2 += 1;
    }
    expect(Math.abs(m / xs.length)).toBeLessThan(0.01);
    expect(Math.abs(v / xs.length - 1)).toBeLessThan(0.01);
    expect(beyond2 / xs.length).toBeCloseTo(0.0455, 2);
  });

  it('same seed and stream, same numbers; another stream, other numbers', () => {
    const a = new Float64Array(100);
    const b = new Float64Array(100);
    const c = new Float64Array(100);
    fillNormals(seedRng(5, 2), a);
    fillNormals(seedRng(5, 2), b);
    fillNormals(seedRng(5, 3), c);
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });
});

describe('Monte Carlo under GBM with daily rebalancing', () => {
  const mu = 0.4;
  const sigma = 0.9;
  const days = 120;
  const T = days / 365;

  it.each([3, -3, 2])('the %sx token mean agrees with exp(L mu T) within its standard error', (L) => {
    const cfg = gbm(mu, sigma, days, [L]);
    const s = stats(terminals(cfg, 60_000, 42, 0));
    const expected = Math.exp(L * mu * T);
    expect(Math.abs(s.mean - expected)).toBeLessThan(3.5 * s.standardError);
    expect(s.standardError).toBeLessThan(0.02 * expected);
  });

  it.each([3, -3, 2])('the %sx token median agrees with the daily-step expectation of the log-growth', (L) => {
    // A year at 60%: the sum of 365 daily log factors is close to normal, so its median is its mean.
    const cfg = gbm(0.1, 0.6, 365, [L]);
    const values = terminals(cfg, 40_000, 9, 0);
    const dt = 1 / 365;
    const g = 365 * expectedLogFactor(L, (0.1 - 0.18) * dt, 0.6 * Math.sqrt(dt));
    const median = stats(values).median;
    let sd = 0;
    for (const v of values) sd += (Math.log(v) - g) ** 2;
    sd = Math.sqrt(sd / values.length);
    // Standard error of a median (1.2533 sd / sqrt n) plus the third-cumulant shift of the sum.
    const tolerance = (3 * 1.2533 * sd) / Math.sqrt(values.length) + 0.01;
    expect(Math.abs(Math.log(median) - g)).toBeLessThan(tolerance);
    // And the drag is real: the median is well below the mean.
    expect(median).toBeLessThan(Math.exp(L * 0.1) * 0.9);
  });

  it('is deterministic: the same seed gives the same paths, another seed others', () => {
    const cfg = gbm(0, 0.8, 30, [3, -3]);
    const a = simulateBlock(cfg, 7, 0, 500);
    const b = simulateBlock(cfg, 7, 0, 500);
    const c = simulateBlock(cfg, 8, 0, 500);
    expect([...a.terminal]).toEqual([...b.terminal]);
    expect([...a.terminal]).not.toEqual([...c.terminal]);
    expect(a.numbers).toBe('float64');
  });

  it('spot stays a martingale and a margin position far from liquidation is linear in spot', () => {
    const cfg = gbm(0, 0.3, 30, [1.5]);
    const spot = stats(terminals(cfg, 20_000, 3, 2));
    expect(Math.abs(spot.mean - 1)).toBeLessThan(3.5 * spot.standardError);
    const block = simulateBlock(cfg, 3, 0, 200);
    for (let i = 0; i < 200; i += 1) {
      if (block.liquidated[i]) continue;
      expect(block.terminal[200 + i]).toBeCloseTo(1 + 1.5 * (block.terminal[400 + i]! - 1), 12);
    }
  });
});

const signed = (r: McRebalance, L: number): McRebalance => (r.kind === 'leverage-band' && r.rebalanceTo !== undefined ? { ...r, rebalanceTo: Math.abs(r.rebalanceTo) * Math.sign(L) } : r);
const signedExact = (r: RebalanceRule, L: number): RebalanceRule => (r.kind === 'leverage-band' && r.rebalanceTo !== undefined ? { ...r, rebalanceTo: r.rebalanceTo.abs().mul(Math.sign(L)) } : r);

describe('Monte Carlo on one path agrees with the exact decimal mode on that path', () => {
  const rules: [string, McRebalance, RebalanceRule][] = [
    ['daily', { kind: 'daily' }, { kind: 'daily' }],
    ['FTX 4x band + daily', { kind: 'leverage-band', maxAbsLeverage: 4, daily: true }, { kind: 'leverage-band', maxAbsLeverage: new Dec(4), daily: true }],
    [
      'Binance-style band 1.25-4 to 2.5',
      { kind: 'leverage-band', maxAbsLeverage: 4, minAbsLeverage: 1.25, rebalanceTo: 2.5, daily: false },
      { kind: 'leverage-band', maxAbsLeverage: new Dec(4), minAbsLeverage: new Dec(1.25), rebalanceTo: new Dec(2.5), daily: false },
    ],
    [
      'Binance-style band 1.25-4, variable target (follow 0.5)',
      { kind: 'leverage-band', maxAbsLeverage: 4, minAbsLeverage: 1.25, rebalanceTo: 3, targetFollow: 0.5, daily: false },
      { kind: 'leverage-band', maxAbsLeverage: new Dec(4), minAbsLeverage: new Dec(1.25), rebalanceTo: new Dec(3), targetFollow: new Dec('0.5'), daily: false },
    ],
    ['price band 10%', { kind: 'price-band', band: 0.1, daily: false }, { kind: 'price-band', band: new Dec(0.1), daily: false }],
  ];

  it.each(rules)('%s, 3x and -3x, with fees and funding, 6 vertices a day', (_name, mcRuleIn, exactRuleIn) => {
    const days = 40;
    const spd = 6;
    const rng = seedRng(99, 0);
    const prices = new Float64Array(days * spd);
    fillNormals(rng, prices);
    let logS = 0;
    for (let i = 0; i < prices.length; i += 1) {
      logS += 0.03 * prices[i]!;
      prices[i] = Math.exp(logS);
    }
    for (const L of [3, -3]) {
      // A band's target carries the token's sign (simulateToken refuses one on the other side).
      const mcRule = signed(mcRuleIn, L);
      const exactRule = signedExact(exactRuleIn, L);
      const cfg: McConfig = {
        model: { type: 'gbm', drift: 0, volatility: 1 },
        days,
        stepsPerDay: spd,
        maintenanceMarginRate: 0.004,
        tokens: [{ leverage: L, rebalance: mcRule, managementFeePerDay: 0.0003, fundingPerDay: 0.0002 }],
      };
      const terminal = new Float64Array(3);
      const liquidated = new Uint8Array(1);
      const rebalances = new Float64Array(1);
      new PathWalker(cfg).walk(pathOf(prices), 0, 1, terminal, liquidated, rebalances, null);
      const intraday = Array.from({ length: days }, (_, d) => [d === 0 ? new Dec(1) : new Dec(prices[d * spd - 1]!), ...Array.from(prices.subarray(d * spd, (d + 1) * spd), (p) => new Dec(p))]);
      // The exact rule takes a signed target; the Monte Carlo rule's magnitude takes the token's side.
      const signedRule: RebalanceRule = exactRule.kind === 'leverage-band' && exactRule.rebalanceTo !== undefined ? { ...exactRule, rebalanceTo: exactRule.rebalanceTo.abs().mul(Math.sign(L)) } : exactRule;
      const exact = simulateDecay({
        leverage: new Dec(L),
        path: pathFromIntraday(intraday),
        rebalance: signedRule,
        costs: { managementFeePerDay: new Dec('0.0003'), fundingPerDay: new Dec('0.0002') },
        maintenanceMarginRate: new Dec('0.004'),
      });
      expect(terminal[0]).toBeCloseTo(exact.token.valueEnd.toNumber(), 9);
      expect(rebalances[0]).toBe(exact.token.rebalances);
      expect(terminal[1]).toBeCloseTo(exact.margin.valueEnd.toNumber(), 9);
      expect(liquidated[0] === 1).toBe(exact.margin.liquidated);
      expect(terminal[2]).toBeCloseTo(exact.spot.valueEnd.toNumber(), 12);
    }
  });
});
