/**
 * Decay Monte Carlo throughput (run: npx tsx test/bench/decay-mc.bench.ts, or npm run bench decay).
 * Target (issue 13): >= 200,000 paths of 365 daily steps per second, random numbers included, on
 * this 2-core machine, using both worker threads. Prints figures; asserts nothing.
 */
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { BLOCK_PATHS, simulateBlock } from '#shared/risk/tokens/mc/kernel';
import type { McConfig } from '#shared/risk/tokens/mc/model';
import { fillNormals } from '#shared/risk/tokens/mc/normal';
import { seedRng } from '#shared/risk/tokens/mc/rng';
import { blockTasks, runMcTasks } from '#main/analytics/decay/mc-pool';

const config = (leverages: number[]): McConfig => ({
  model: { type: 'gbm', drift: 0, volatility: 0.8 },
  days: 365,
  stepsPerDay: 1,
  maintenanceMarginRate: 0.004,
  tokens: leverages.map((leverage) => ({ leverage, rebalance: { kind: 'daily' }, managementFeePerDay: 0.0003, fundingPerDay: 0.0001 })),
});

const line = (name: string, perSec: number, unit: string) => console.log(`${name.padEnd(70)} ${Math.round(perSec).toLocaleString('en-US').padStart(12)} ${unit}`);

function inline(name: string, cfg: McConfig, blocks: number): void {
  simulateBlock(cfg, 1, 999, 512);
  const start = performance.now();
  for (let b = 0; b < blocks; b += 1) simulateBlock(cfg, 1, b, BLOCK_PATHS);
  line(name, (blocks * BLOCK_PATHS * 1000) / (performance.now() - start), 'paths/s');
}

console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (other processes distort these figures)`);
{
  const rng = seedRng(1, 0);
  const buf = new Float64Array(365);
  const n = 40_000;
  fillNormals(rng, buf);
  const start = performance.now();
  for (let i = 0; i < n; i += 1) fillNormals(rng, buf);
  line('normals (ziggurat over xoshiro128**), one thread', (n * 365 * 1000) / (performance.now() - start), 'normals/s');
}
inline('one thread, inline: token 3x + margin 3x + spot, 365 daily steps', config([3]), 20);
inline('one thread, inline: tokens 3x, -3x + margins + spot, 365 daily steps', config([3, -3]), 20);

for (const levs of [[3], [3, -3]]) {
  for (const workers of [1, 2]) {
    const paths = 200_000;
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const run = await runMcTasks([config(levs)], 7, blockTasks(0, paths, BLOCK_PATHS), { workers });
    loop.disable();
    line(`${workers} worker thread${workers > 1 ? 's' : ''}: ${paths.toLocaleString('en-US')} paths x 365 days, leverages [${levs.join(', ')}]`, paths / run.seconds, 'paths/s');
    console.log(`${''.padEnd(4)}main event loop while it ran: max delay ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms`);
  }
}
