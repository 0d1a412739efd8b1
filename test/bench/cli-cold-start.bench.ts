/**
 * Cold start of `levdesk liq`: each run spawns a new `node bin/levdesk.mjs liq FILE` (the bin
 * runs the bundle dist/cli.cjs) and waits for its JSON. Prints the median wall time of several
 * spawns, the CPU time per run (Linux: children's user+sys from /proc, 10 ms ticks), the same
 * for a bare `node -e ""` (the floor any Node command pays on this machine right now), and the
 * old way, the TypeScript sources through tsx, for comparison. Goal (issue 10): ≤ 200 ms.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/levdesk.mjs');
const doc = path.join(root, 'test/fixtures/risk/liq-binance-isolated.json');
const RUNS = 11;

/** User+sys seconds of every waited-for child so far (fields 16 and 17 of /proc/self/stat). */
function childrenCpuMs(): number | null {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

function measure(label: string, args: string[], runs: number): void {
  const walls: number[] = [];
  const cpuBefore = childrenCpuMs();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    walls.push(performance.now() - started);
    if (r.status !== 0) throw new Error(`${label} exited ${r.status}: ${r.stderr}`);
  }
  const cpuAfter = childrenCpuMs();
  const sorted = [...walls].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const cpu = cpuBefore === null || cpuAfter === null ? '' : `, CPU ${((cpuAfter - cpuBefore) / runs).toFixed(0)} ms/run`;
  console.log(`${label.padEnd(34)} median ${median.toFixed(0).padStart(5)} ms over ${runs} spawns${cpu} (min ${sorted[0]!.toFixed(0)}, max ${sorted[sorted.length - 1]!.toFixed(0)})`);
}

// One unmeasured call builds the bundle if it is missing or stale.
const warm = spawnSync(process.execPath, [bin, 'liq', doc], { cwd: root, encoding: 'utf8' });
if (warm.status !== 0) throw new Error(`levdesk liq failed: ${warm.stderr}`);

measure('node -e "" (floor)', ['-e', ''], RUNS);
measure('levdesk liq (bin -> dist/cli.cjs)', [bin, 'liq', doc], RUNS);
measure('levdesk liq through tsx (before)', ['--import', 'tsx', path.join(root, 'main/cli/index.ts'), 'liq', doc], 3);
