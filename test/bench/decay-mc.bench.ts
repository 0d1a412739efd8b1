/**
 * Decay Monte Carlo throughput (run: npm run bench -- decay).
 * Target (issue 13): >= 200,000 paths of 365 daily steps per second, random numbers included, on
 * this 2-core machine, using both worker threads. The machine is shared, so beside wall-clock
 * paths/s it prints paths per second of the workers' own CPU time (per thread, from
 * /proc/thread-self/stat): what a thread does when it has a core to itself. Also the main event
 * loop's delay while the pool runs (it must stay far below 50 ms). Prints figures; asserts nothing.
 */
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { BLOCK_PATHS, PathWalker, simulateBlock } from '#shared/risk/tokens/mc/kernel';
import { newFanHistogram } from '#shared/risk/tokens/mc/fan-histogram';
import type { McConfig } from '#shared/risk/tokens/mc/model';
import { fillNormals } from '#shared/risk/tokens/mc/normal';
import { seedRng } from '#shared/risk/tokens/mc/rng';
import { blockTasks, runMcTasks } from '#main/analytics/decay/mc-pool';
import { runDecayMonteCarlo } from '#main/analytics/decay/monte-carlo';

const config = (leverages: number[]): McConfig => ({
  model: { type: 'gbm', drift: 0, volatility: 0.8 },
  days: 365,
  stepsPerDay: 1,
  maintenanceMarginRate: 0.004,
  tokens: leverages.map((leverage) => ({ leverage, rebalance: { kind: 'daily' }, managementFeePerDay: 0.0003, fundingPerDay: 0.0001 })),
});

const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(12);
const line = (name: string, perSec: number, unit: string, extra = '') => console.log(`${name.padEnd(72)} ${fmt(perSec)} ${unit}${extra}`);

/** One thread, no workers: wall and CPU time of this process (the only busy thread). */
function inline(name: string, cfg: McConfig, blocks: number, fan = false): void {
  const walker = new PathWalker({ ...cfg, checkpointDays: fan ? Array.from({ length: 60 }, (_, i) => Math.round((i * cfg.days) / 59)) : [] });
  const hist = fan ? newFanHistogram(walker.fanRows()) : null;
  const c = fan ? { ...cfg, checkpointDays: Array.from({ length: 60 }, (_, i) => Math.round((i * cfg.days) / 59)) } : cfg;
  simulateBlock(c, 1, 999, 512, hist);
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let b = 0; b < blocks; b += 1) simulateBlock(c, 1, b, BLOCK_PATHS, hist);
  const used = process.cpuUsage(cpu);
  const n = blocks * BLOCK_PATHS;
  line(name, (n * 1000) / (performance.now() - start), 'paths/s wall', `  ${fmt(n / ((used.user + used.system) / 1e6))} paths/s CPU`);
}

console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores (other processes distort the wall-clock figures; the CPU-time figures are what an idle core does)`);
{
  const rng = seedRng(1, 0);
  const buf = new Float64Array(365);
  const n = 40_000;
  fillNormals(rng, buf);
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i += 1) fillNormals(rng, buf);
  const used = process.cpuUsage(cpu);
  line('normals alone (ziggurat over xoshiro128**), one thread, CPU time', (n * 365) / ((used.user + used.system) / 1e6), 'normals/s');
}
inline('one thread: token 3x + margin 3x + spot, 365 daily steps', config([3]), 30);
inline('one thread: tokens 3x, -3x + margins + spot', config([3, -3]), 30);
inline('one thread: tokens 2, 3, 5, -1, -3 + margins + spot', config([2, 3, 5, -1, -3]), 15);
inline('one thread: token 3x + margin + spot, with a 60-point fan', config([3]), 30, true);

for (const levs of [[3], [3, -3]]) {
  for (const workers of [1, 2]) {
    const paths = 400_000;
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const run = await runMcTasks([config(levs)], 7, blockTasks(0, paths, BLOCK_PATHS), { workers });
    loop.disable();
    const perThreadCpu = run.cpuSeconds ? ` ${fmt((paths / run.cpuSeconds) * workers)} paths/s by CPU time (${fmt(paths / run.cpuSeconds)} per thread)` : '';
    line(`${workers} worker${workers > 1 ? 's' : ''}: ${paths.toLocaleString('en-US')} paths x 365 days, leverages [${levs.join(', ')}]`, paths / run.seconds, 'paths/s wall', '');
    if (perThreadCpu) console.log(`${''.padEnd(4)}if each thread had a core:${perThreadCpu}`);
    console.log(`${''.padEnd(4)}main event loop meanwhile: max delay ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, mean ${(loop.mean / 1e6).toFixed(1)} ms`);
  }
}

{
  // The view's whole run: simulation, fan histograms and the summary on the workers.
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const start = performance.now();
  const r = await runDecayMonteCarlo({ ...config([2, 3, -1, -3]), paths: 200_000, seed: 1, fanPoints: 60, histogramBins: 40 }, { onProgress: () => undefined });
  loop.disable();
  line('view run: 200,000 paths, leverages [2, 3, -1, -3], fan 60 points, 2 workers', r.pathsPerSecond, 'paths/s wall', `  (${((performance.now() - start) / 1000).toFixed(2)} s with start-up and summary)`);
  console.log(`${''.padEnd(4)}main event loop meanwhile: max delay ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms`);
}

{
  // The exact single path (decimals) at the view's cap, on its worker: main's event loop meanwhile.
  const { runLabOffMain } = await import('#main/analytics/decay/lab-runner');
  const { LabInputSchema } = await import('#shared/domain/decay-lab');
  const input = LabInputSchema.parse({
    source: { type: 'synthetic', model: { type: 'gbm', drift: 0, volatility: 0.8 }, days: 600, stepsPerDay: 96, seed: 1 },
    tokens: [{ leverage: '3', rule: { kind: 'ftx' } }, { leverage: '-3', rule: { kind: 'band', targetFollow: '0.5', target: '2' } }, { leverage: '2', rule: { kind: 'daily' } }],
  });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const start = performance.now();
  const out = await runLabOffMain('', input, () => {
    throw new Error('not a stored series');
  });
  loop.disable();
  console.log(`exact single path, ${out.vertices.toLocaleString('en-US')} vertices, 3 tokens + margins + spot, on its worker: ${((performance.now() - start) / 1000).toFixed(2)} s`);
  console.log(`${''.padEnd(4)}main event loop meanwhile: max delay ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms`);
}
