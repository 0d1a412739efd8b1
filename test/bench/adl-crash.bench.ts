/**
 * Auto-deleveraging on a real crash (issue 10, item 6): `levdesk replay` of two hours of Binance
 * BTCUSDT 1m candles (the embedded crash windows: 10 Oct 2025 with the real 5m mark, 13 Mar 2020
 * with a modelled mark) with a big crowd, timed end to end as a user runs it (process start,
 * default data load, crowd build, replay, summary). Prints figures; asserts nothing.
 *
 *   npx tsx test/bench/adl-crash.bench.ts      (ADL_BENCH_CASES=cascade-2025-10-10:30000:50000 for one case)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtinScenario } from '#main/market/scenarios/builtin';

const root = path.resolve(import.meta.dirname, '../..');
const CASES = (process.env.ADL_BENCH_CASES ?? 'cascade-2025-10-10:30000:50000,cascade-2025-10-10:100000:1000000,black-thursday-2020-03-13:100000:1000000')
  .split(',')
  .map((c) => {
    const [id, traders, fund] = c.split(':');
    return { id: id!, traders: Number(traders), fund: fund! };
  });

/** A crowd that leans long into the crash, 5-50x, a third of it on cross margin. */
function crowd(traders: number): object {
  return {
    seed: 1,
    traders,
    longShare: 0.6,
    leverage: [
      { leverage: 5, weight: 2 },
      { leverage: 10, weight: 3 },
      { leverage: 20, weight: 2 },
      { leverage: 50, weight: 1 },
    ],
    notional: { median: 10_000, logSigma: 1 },
    crossShare: 0.3,
    stops: { share: 0.3, minDistance: 0.02, maxDistance: 0.1 },
    entryWindowHours: 0,
  };
}

const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-adl-bench-'));
console.log('adl-crash: levdesk replay <real 2-hour crash + crowd>, wall time of the whole command (goal: 100,000 traders in ≤ 30 s)');
try {
  for (const c of CASES) {
    const base = builtinScenario(c.id)!.scenario;
    const file = path.join(dir, `${c.id}-${c.traders}.json`);
    fs.writeFileSync(file, JSON.stringify({ ...base, crowd: crowd(c.traders), account: { insuranceFund: c.fund } }));
    const started = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin/levdesk.mjs'), 'replay', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - started;
    if (r.status !== 0) {
      console.log(`${c.id} crowd ${fmt(c.traders)}: failed (${r.status}) ${r.stderr.slice(0, 500)}`);
      process.exitCode = 1;
      continue;
    }
    const doc = JSON.parse(r.stdout);
    const e = doc.engine;
    console.log(
      `${c.id.padEnd(26)} crowd ${fmt(c.traders).padStart(7)} fund ${fmt(Number(c.fund)).padStart(9)} | ${fmt(ms / 1000, 1).padStart(5)} s | ` +
        `${fmt(doc.market.ticks)} ticks, ${fmt(e.liquidations.total)} liquidations, ${fmt(e.liquidations.withAdl)} with ADL, ${fmt(e.liquidations.withDeficit)} with a deficit | ` +
        `fund ${e.insuranceFund.start} -> ${e.insuranceFund.end} | hash ${e.stateHash.slice(0, 12)}`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
