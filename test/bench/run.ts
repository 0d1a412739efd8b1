/**
 * `npm run bench [-- name-filter]`: runs every test/bench/*.bench.ts in its own process, one after
 * another (so they do not compete for the 2 cores), and prints the machine they ran on first.
 * Each bench prints its own figures; nothing here asserts a time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = import.meta.dirname;
const filter = process.argv[2];
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

const cpu = os.cpus()[0];
console.log(`# Levdesk benchmarks  ${new Date().toISOString()}`);
console.log(`# ${os.type()} ${os.release()} ${os.arch()}, ${os.cpus().length} × ${cpu?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

// The view, host and CLI benches drive the built app (dist/): build it first, so a plain
// `npm run bench` works on a fresh clone and never measures a stale bundle (BENCH_NO_BUILD=1 skips).
if (process.env.BENCH_NO_BUILD !== '1') {
  console.log('# building dist/ (tsx scripts/build.ts)');
  const built = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, '../../scripts/build.ts')], { stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
  if (built.status !== 0) {
    console.log('!! the build failed: the benches that drive dist/ cannot run');
    process.exit(1);
  }
}

let failed = 0;
for (const file of files) {
  console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    failed += 1;
    console.log(`!! ${file} exited with ${result.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
