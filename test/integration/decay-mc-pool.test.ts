import { describe, expect, it } from 'vitest';
import { blockTasks, McCancelled, runMcTasks } from '#main/analytics/decay/mc-pool';
import { runDecayMonteCarlo } from '#main/analytics/decay/monte-carlo';
import type { McConfig } from '#shared/risk/tokens/mc/model';

/** The worker-thread pool: the same numbers whoever runs which block, progress, and cancel. */
const cfg: McConfig = {
  model: { type: 'jump-diffusion', drift: 0, volatility: 0.7, jumpIntensity: 10, jumpMean: -0.05, jumpVolatility: 0.1 },
  days: 30,
  stepsPerDay: 2,
  maintenanceMarginRate: 0.004,
  tokens: [
    { leverage: 3, rebalance: { kind: 'leverage-band', maxAbsLeverage: 4, daily: true }, managementFeePerDay: 0.0003, fundingPerDay: 0.0001 },
    { leverage: -2, rebalance: { kind: 'daily' }, managementFeePerDay: 0, fundingPerDay: 0 },
  ],
};

describe('Monte Carlo worker pool', () => {
  it('gives the same blocks on one worker and on two, reporting progress', async () => {
    const tasks = blockTasks(0, 5000, 1024);
    const seen: number[] = [];
    const one = await runMcTasks([cfg], 9, tasks, { workers: 1 });
    const two = await runMcTasks([cfg], 9, tasks, { workers: 2, onProgress: (done) => seen.push(done) });
    expect(two.blocks).toHaveLength(tasks.length);
    two.blocks.forEach((b, i) => expect([...b.terminal]).toEqual([...one.blocks[i]!.terminal]));
    expect(seen).toEqual(tasks.map((_, i) => i + 1));
  });

  it('stops on cancel with McCancelled', async () => {
    const controller = new AbortController();
    const run = runMcTasks([{ ...cfg, days: 3000 }], 1, blockTasks(0, 200_000, 2048), { workers: 2, signal: controller.signal, onProgress: () => controller.abort() });
    setTimeout(() => controller.abort(), 3000);
    await expect(run).rejects.toBeInstanceOf(McCancelled);
  });

  it('summarises a run: fan quantiles in order, histogram counts every path', async () => {
    const r = await runDecayMonteCarlo({ ...cfg, paths: 3000, seed: 2, fanPoints: 7, histogramBins: 20 }, { workers: 2 });
    expect(r.numbers).toBe('float64-monte-carlo');
    expect(r.fan!.days).toEqual([0, 5, 10, 15, 20, 25, 30]);
    for (const series of r.fan!.series) for (const q of series) expect([...q].sort((a, b) => a - b)).toEqual(q);
    for (const s of r.histogram!.series) expect(s.counts.reduce((a, b) => a + b, 0) + s.zeros).toBe(3000);
    expect(r.perLeverage[0]!.token.meanRebalances).toBeGreaterThanOrEqual(30);
  });

  it('summarises on a worker to the same numbers on one thread or two (fan histograms add up in any order)', async () => {
    const input = { ...cfg, paths: 5000, seed: 4, fanPoints: 5, histogramBins: 10 };
    const one = await runDecayMonteCarlo(input, { workers: 1 });
    const two = await runDecayMonteCarlo(input, { workers: 2 });
    expect(two.perLeverage).toEqual(one.perLeverage);
    expect(two.fan).toEqual(one.fan);
    expect(two.histogram).toEqual(one.histogram);
    expect(one.fan!.series[0]![0]).toEqual([1, 1, 1, 1, 1].map((x) => expect.closeTo(x, 1)));
  });
});
