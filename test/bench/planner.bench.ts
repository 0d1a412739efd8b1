/**
 * Planner figures (run: npx tsx test/bench/planner.bench.ts, or npm run bench planner).
 * 1. One recompute per keystroke: computePlan (resolve inputs, the size at no slippage, the book
 *    model's slippage, the size with it and its highest safe leverage, the exits ladder), over a
 *    typed sequence that edits every field; p50/p95/max in ms. Budget: p95 <= 16 ms (one frame).
 *    The leverage strip (~20 liquidation prices) is off that path: the view draws it deferred
 *    (useDeferredValue) after the figures; its cost is printed apart.
 * 2. A plan's test on history: the 2020-03-13 window (480 ticks, no crowd) through the market
 *    model and the engine, as the plans.test worker runs it. Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { computePlan } from '#shared/plan/compute-plan';
import { leverageStrip } from '#shared/plan/leverage-strip';
import { DEFAULT_PLAN_INPUTS, type PlanInputs } from '#shared/plan/plan-body';
import { planOrders } from '#shared/plan/plan-orders';
import { EMPTY_CONTEXT } from '#shared/plan/resolve-inputs';
import { loadDefaultData } from '#main/market/default-data';
import { MarketService } from '#main/market/market-service';
import { builtinScenario } from '#main/market/scenarios/builtin';
import { runPlanTest } from '#main/plans/plan-test';
import { openWorkspace } from '#main/store/db';

const base: PlanInputs = { ...DEFAULT_PLAN_INPUTS, equity: '10000', entry: '60000', stop: '58500', leverage: 20, trailOn: true };

/** What typing does: each field grows one character at a time, as the renderer recomputes per keystroke. */
function keystrokes(): PlanInputs[] {
  const out: PlanInputs[] = [];
  const type = (field: keyof PlanInputs, text: string) => {
    for (let i = 1; i <= text.length; i += 1) out.push({ ...base, [field]: text.slice(0, i) });
  };
  type('equity', '12500.75');
  type('riskPercent', '1.25');
  type('entry', '61234.5');
  type('stop', '59876.1');
  type('feeEntryPercent', '0.04');
  type('slippagePercent', '0.05');
  type('trailCallbackPercent', '2.5');
  for (let lev = 1; lev <= 125; lev += 3) out.push({ ...base, leverage: lev });
  for (let pct = 10; pct <= 90; pct += 10) out.push({ ...base, rungs: [{ kind: 'r', value: '1.5', percent: String(pct) }, { kind: 'price', value: '64000', percent: String(100 - pct) }] });
  return out;
}

const seq = keystrokes();
for (let i = 0; i < 200; i += 1) computePlan(seq[i % seq.length]!, EMPTY_CONTEXT);
const times: number[] = [];
// CPU time beside wall time: on a shared machine the wall clock also counts the time the OS
// gave other processes; the CPU time is what the keystroke itself costs (GC included).
const cpu: number[] = [];
for (let round = 0; round < 5; round += 1) {
  for (const inputs of seq) {
    const u0 = process.cpuUsage();
    const t0 = performance.now();
    computePlan(inputs, EMPTY_CONTEXT);
    times.push(performance.now() - t0);
    const u = process.cpuUsage(u0);
    cpu.push((u.user + u.system) / 1000);
  }
}
const stripTimes: number[] = [];
for (const inputs of seq) {
  const r = computePlan(inputs, EMPTY_CONTEXT);
  if (!r.ok) continue;
  const t0 = performance.now();
  leverageStrip(r);
  stripTimes.push(performance.now() - t0);
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const line = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(2)} ms   p95 ${pct(xs, 0.95).toFixed(2)} ms   max ${pct(xs, 1).toFixed(2)} ms`;
console.log(`recompute per keystroke (${times.length} keystrokes), wall  ${line(times)}   (budget p95 <= 16 ms)`);
console.log(`recompute per keystroke, CPU time                 ${line(cpu)}`);
console.log(`leverage strip, deferred off the keystroke (${stripTimes.length} plans)   ${line(stripTimes)}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-plan-bench-'));
const ws = openWorkspace(path.join(dir, 'workspace.levdesk.db'));
try {
  const market = new MarketService({ db: ws.db, dataDir: dir });
  await loadDefaultData(ws.db, market, path.resolve(import.meta.dirname, '../../resources/default-data'));
  const inputs: PlanInputs = { ...base, entryKind: 'market', entry: '3920', stop: '3550', leverage: 5 };
  const r = computePlan(inputs, EMPTY_CONTEXT);
  if (!r.ok) throw new Error('bench plan does not size');
  const orders = planOrders(inputs, r.outputs, r.exits);
  const scenario = builtinScenario('black-thursday-2020-03-13')!.scenario;
  const input = { scenarioId: 'black-thursday-2020-03-13', atMinute: 80, crowd: false, profile: 'binance-usdm' as const, equity: '10000', leverage: 5, marginMode: 'isolated' as const, entry: orders.entry, trailing: orders.trailing, lossAtStop: r.outputs.lossAtStop };
  const runs: number[] = [];
  for (let i = 0; i < 4; i += 1) runs.push(runPlanTest(scenario, 'black-thursday-2020-03-13', market.data(), input as never).ms);
  runs.sort((a, b) => a - b);
  console.log(`test on history, 2020-03-13 window, no crowd (in the worker) min ${runs[0]!.toFixed(0)} ms   median ${runs[2]!.toFixed(0)} ms   (off main: main's loop is not blocked)`);
} finally {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
