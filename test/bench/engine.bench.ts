/**
 * Paper-trading engine benchmark (issue 5 section 10): events per second replaying 1,000,000
 * price updates with 10, 1,000 and 100,000 open crowd positions, with and without persistence,
 * and the time to rebuild a workspace of 1,000,000 events. Prints figures; asserts nothing.
 *
 *   npx tsx test/bench/engine.bench.ts            (ENGINE_BENCH_TICKS=200000 for a shorter run,
 *   ENGINE_BENCH_CROWDS=10000 ENGINE_BENCH_MODES=disk for one crowd size and the persisted run only)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MarketTick } from '#shared/domain/market-tick';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { benchCrowdHeader } from './kit/crowd-header';
import { cpuBetween, cpuSample } from './kit/thread-cpu';
import { Engine } from '#main/engine/engine';
import { openWorkspace } from '#main/store/db';
import { logWriterOf } from '#main/store/log-writer';
import { TradingJournal } from '#main/trading/journal';

const TICKS = Number(process.env.ENGINE_BENCH_TICKS ?? 1_000_000);
const CROWDS = (process.env.ENGINE_BENCH_CROWDS ?? '10,1000,10000,100000').split(',').map(Number);
/** Which runs: 'calm' and 'walk' in memory, 'disk' (persisted walk, then the rebuilds). */
const MODES = new Set((process.env.ENGINE_BENCH_MODES ?? 'calm,walk,disk').split(','));
/** Where the persisted run's group commits run: 'worker' (the app's log writer) or 'inline' (main's connection). */
const WRITER = process.env.ENGINE_BENCH_WRITER === 'inline' ? 'inline' : 'worker';
const T0 = Date.UTC(2025, 0, 1);
const STEP_MS = 1000;
const FUNDING_MS = 8 * 3_600_000;

function setup(traders: number): EngineEvent[] {
  return benchCrowdHeader(traders, T0);
}

/**
 * The same deterministic path every run: 1 s ticks, funding every 8 h. 'walk' is a random walk
 * of about 1 bp per tick (it drifts some 20% over the run and liquidates part of the crowd);
 * 'calm' oscillates within ±0.3% (nothing triggers: the bare cost of a price update).
 */
function* market(ticks: number, path: 'walk' | 'calm'): Generator<EngineEvent> {
  let s = 7;
  let price = 100_000;
  for (let i = 0; i <= ticks; i++) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    if (i > 0 && path === 'walk') price *= 1 + (s / 2 ** 32 - 0.5) * 0.0004;
    if (path === 'calm') price = 100_000 * (1 + 0.002 * Math.sin(i / 977) + (s / 2 ** 32 - 0.5) * 0.0004);
    const t = T0 + i * STEP_MS;
    const last = price.toFixed(1) as MarketTick['last'];
    yield { kind: 'tick', tick: { t, symbol: 'BTCUSDT', last, index: last, mark: last, liquidity: { depthScale: 1, spreadBps: 1 } } };
    if (i > 0 && t % FUNDING_MS === 0) yield { kind: 'funding', funding: { t, symbol: 'BTCUSDT', rate: '0.0001' as never, intervalHours: 8, source: 'model' } };
  }
}

interface RunFigures {
  readonly openMs: number;
  readonly ticks: number;
  readonly events: number;
  readonly ms: number;
  readonly fundings: number;
  readonly fundingMs: number;
  readonly liquidations: number;
  readonly openAtEnd: number;
  readonly heapMb: number;
  /** CPU time of the run (main thread and the others), from the first tick after the crowd opened. */
  readonly cpu: string;
}

function run(traders: number, apply: (e: EngineEvent) => readonly { kind: string }[], path: 'walk' | 'calm' = 'walk'): RunFigures {
  for (const e of setup(traders)) apply(e);
  const feed = market(TICKS, path);
  // The first tick opens the whole crowd: timed on its own.
  let started = performance.now();
  apply(feed.next().value as EngineEvent);
  const openMs = performance.now() - started;
  let ticks = 0;
  let events = 0;
  let fundings = 0;
  let fundingMs = 0;
  let liquidations = 0;
  started = performance.now();
  const cpu0 = cpuSample();
  for (const e of feed) {
    const f0 = e.kind === 'funding' ? performance.now() : 0;
    const effects = apply(e);
    if (e.kind === 'funding') {
      fundings += 1;
      fundingMs += performance.now() - f0;
    } else ticks += 1;
    events += 1;
    for (const x of effects) if (x.kind === 'liquidation') liquidations += 1;
  }
  const ms = performance.now() - started;
  const cpu = cpuBetween(cpu0, cpuSample());
  return { openMs, ticks, events, ms, fundings, fundingMs, liquidations, openAtEnd: 0, heapMb: process.memoryUsage().heapUsed / 2 ** 20, cpu };
}

const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function report(label: string, traders: number, r: RunFigures, extra = ''): void {
  const tickMs = r.ms - r.fundingMs;
  console.log(
    `${label.padEnd(13)} crowd ${fmt(traders).padStart(7)} | open crowd ${fmt(r.openMs / 1000, 2).padStart(6)} s | ` +
      `${fmt(r.ticks)} ticks in ${fmt(tickMs / 1000, 2)} s = ${fmt((r.ticks / tickMs) * 1000).padStart(9)} ticks/s (${fmt((tickMs / r.ticks) * 1000, 2)} µs) | ` +
      `all ${fmt(r.events)} events ${fmt((r.events / r.ms) * 1000).padStart(9)} /s | ${r.fundings} fundings × ${fmt(r.fundings ? r.fundingMs / r.fundings : 0)} ms | ` +
      `${fmt(r.liquidations)} liquidations | heap ${fmt(r.heapMb)} MiB | ${r.cpu} | load ${os.loadavg()[0]!.toFixed(2)}${extra}`,
  );
}

console.log(`engine: ${fmt(TICKS)} price updates, 1 s apart (${fmt((TICKS * STEP_MS) / 86_400_000, 1)} days, funding every 8 h), crowd sizes ${CROWDS.join(', ')}`);
console.log('crowd: 2-20x, 30% cross, 30% with stops 5-20% away; persisted = group commit of 2,000 events, snapshot every 250,000');
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);

const rebuilds: string[] = [];
for (const traders of CROWDS) {
  // Without persistence: the pure engine, on a calm market (the bare cost of a price update)
  // and on the random walk (with the liquidations it causes).
  for (const path of (['calm', 'walk'] as const).filter((p) => MODES.has(p))) {
    const engine = new Engine();
    const r = run(
      traders,
      (e) => {
        const out = engine.apply(e);
        if (!out.ok) throw new Error(out.rejection.message);
        return out.effects;
      },
      path,
    );
    report(path === 'calm' ? 'memory, calm' : 'memory, walk', traders, r);
  }
  // With persistence: the journal (group commit of 2,000 market events, snapshot every 250,000).
  if (!MODES.has('disk')) continue;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-bench-'));
  try {
    const file = path.join(dir, 'workspace.levdesk.db');
    let ws = openWorkspace(file, { checkpoints: 'worker', logWriter: WRITER });
    let { journal } = TradingJournal.open(ws.db, { groupSize: 2000, snapshotEvery: 250_000, verify: true });
    const r = run(traders, (e) => {
      const out = journal.apply(e, false);
      if (!out.ok) throw new Error(out.rejection.message);
      return out.effects;
    });
    const writer = logWriterOf(ws.db);
    const waited = writer ? ` | main waited ${fmt(writer.waitedMs)} ms for the writer, which committed ${fmt(writer.committedGroups)} groups` : '';
    const closeStart = performance.now();
    journal.close();
    const closeMs = performance.now() - closeStart;
    const hash = journal.engine.stateHash();
    ws.close();
    const bytes = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    report(`walk, on disk (${WRITER} writer)`, traders, r, `${waited} | close (flush + snapshot) ${fmt(closeMs)} ms | file ${fmt(bytes / 2 ** 20)} MiB`);

    // Rebuild: reopen (latest snapshot + tail), then a full replay of the log from event 1.
    ws = openWorkspace(file, { checkpoints: 'worker', logWriter: WRITER });
    const reopen = performance.now();
    ({ journal } = TradingJournal.open(ws.db, { groupSize: 2000, snapshotEvery: 250_000, verify: true }));
    const reopenMs = performance.now() - reopen;
    const sameOpen = journal.engine.stateHash() === hash;
    const full = performance.now();
    const fresh = new Engine();
    let n = 0;
    for (const { event } of journal.repo.events(1)) {
      fresh.apply(event);
      n += 1;
    }
    const fullMs = performance.now() - full;
    const sameFull = fresh.stateHash() === hash;
    ws.close();
    rebuilds.push(
      `rebuild       crowd ${fmt(traders).padStart(7)} | ${fmt(n)} events | reopen from snapshot + tail (hash checked) ${fmt(reopenMs / 1000, 2)} s, same hash: ${sameOpen} | ` +
        `full replay of the log ${fmt(fullMs / 1000, 2)} s (${fmt((n / fullMs) * 1000)} events/s), same hash: ${sameFull}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log('');
for (const line of rebuilds) console.log(line);
