import { describe, expect, it } from 'vitest';
import { fastExp } from '#shared/risk/tokens/mc/fast-exp';
import { FAN_BINS, fanBin, fanBinLow, newFanHistogram, rowQuantiles } from '#shared/risk/tokens/mc/fan-histogram';
import { modelPrices, simulateBlock } from '#shared/risk/tokens/mc/kernel';
import { quantiles } from '#shared/risk/tokens/mc/select';
import { quantileSorted } from '#shared/risk/tokens/mc/summary';
import { seedRng } from '#shared/risk/tokens/mc/rng';
import { fillNormals } from '#shared/risk/tokens/mc/normal';

/** The kernel's fast parts: the inlined exp, selection instead of sorting, the fan histograms. */
describe('fastExp', () => {
  it('is within 2 ulp of Math.exp over the range it serves, and falls back beyond', () => {
    let worst = 0;
    for (let i = 0; i <= 200_000; i += 1) {
      const x = -40 + (80 * i) / 200_000;
      const e = Math.abs(fastExp(x) - Math.exp(x)) / Math.exp(x);
      if (e > worst) worst = e;
    }
    expect(worst).toBeLessThan(4.5e-16);
    expect(fastExp(0)).toBe(1);
    expect(fastExp(700)).toBe(Math.exp(700));
    expect(fastExp(-800)).toBe(0);
  });
});

describe('quantiles by selection', () => {
  it('equals the sorted order statistics (R type 7), ties and all', () => {
    const rng = seedRng(3, 0);
    for (const n of [1, 2, 7, 100, 5001]) {
      const xs = new Float64Array(n);
      fillNormals(rng, xs);
      for (let i = 0; i < n; i += 5) xs[i] = 0.25; // ties
      const sorted = Float64Array.from(xs).sort();
      const qs = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
      expect(quantiles(xs, qs)).toEqual(qs.map((q) => quantileSorted(sorted, q)));
    }
  });
});

describe('fan histograms', () => {
  it('bins by the log scale, counting zeros apart, and gives quantiles within a bin width', () => {
    expect(fanBin(0)).toBe(0);
    expect(fanBin(-1)).toBe(0);
    expect(fanBinLow(fanBin(1))).toBe(1);
    expect(fanBin(1e300)).toBe(FAN_BINS - 1);
    const h = newFanHistogram(1);
    const xs = new Float64Array(20_000);
    fillNormals(seedRng(4, 0), xs);
    const vals = xs.map((z) => (z < -2 ? 0 : Math.exp(0.5 * z)));
    for (const v of vals) h[fanBin(v)]! += 1;
    const sorted = Float64Array.from(vals).sort();
    const got = rowQuantiles(h, 0, [0.01, 0.05, 0.5, 0.95]);
    expect(got[0]).toBe(0);
    for (const [i, q] of [0.05, 0.5, 0.95].entries()) expect(Math.abs(got[i + 1]! / quantileSorted(sorted, q) - 1)).toBeLessThan(0.016);
  });

  it('adds up the same whichever blocks go into which histogram', () => {
    const cfg = { model: { type: 'gbm' as const, drift: 0, volatility: 0.9 }, days: 20, stepsPerDay: 1, maintenanceMarginRate: 0.004, checkpointDays: [0, 10, 20], tokens: [{ leverage: 3, rebalance: { kind: 'daily' as const }, managementFeePerDay: 0, fundingPerDay: 0 }] };
    const rows = 3 * 3;
    const one = newFanHistogram(rows);
    const a = newFanHistogram(rows);
    const b = newFanHistogram(rows);
    for (let k = 0; k < 4; k += 1) simulateBlock(cfg, 5, k, 300, one);
    simulateBlock(cfg, 5, 0, 300, a);
    simulateBlock(cfg, 5, 2, 300, a);
    simulateBlock(cfg, 5, 1, 300, b);
    simulateBlock(cfg, 5, 3, 300, b);
    for (let i = 0; i < one.length; i += 1) expect(one[i]).toBe(a[i]! + b[i]!);
    // Day 0 of every instrument is 1 on all 1200 paths.
    expect(one[fanBin(1)]).toBe(1200);
  });
});

describe('the path generator', () => {
  it('gives the same path for a seed, GBM moments per step, and prices as the running product', () => {
    const cfg = { model: { type: 'gbm' as const, drift: 0, volatility: 0.6 }, days: 20_000, stepsPerDay: 1 };
    const p = modelPrices(cfg, 8, 0);
    expect([...modelPrices(cfg, 8, 0)]).toEqual([...p]);
    let m = 0;
    let v = 0;
    for (let i = 0; i < p.length; i += 1) {
      const x = Math.log(p[i]! / (i === 0 ? 1 : p[i - 1]!));
      m += x;
      v += x * x;
    }
    const s2 = 0.36 / 365;
    expect(Math.abs(m / p.length + s2 / 2)).toBeLessThan((4 * Math.sqrt(s2)) / Math.sqrt(p.length));
    expect(Math.abs(v / p.length / s2 - 1)).toBeLessThan(0.04);
  });
});
