/**
 * Big crowds and main's event loop (issue 10 item 7): the app picks a 100,000-trader scenario,
 * plays it and closes it, and is started again on it in a new process (kit/app-reopen.ts, bundled
 * with the workers beside it as shipped); then a workspace is opened with the journal alone (the crowd
 * arrives on the first tick), replayed with persistence, and reopened: synchronously (the old
 * way) and off main (restoreOffMain: a worker reads and parses the snapshot, main builds its
 * engine in slices). For each phase it prints the wall time and main's event-loop delay
 * (perf_hooks.monitorEventLoopDelay: max and p99), while a 10 ms interval stands for the UI, and
 * the process's CPU time (all threads: a loaded machine stretches wall time, not CPU time).
 * Prints figures; asserts nothing.
 *
 *   npx tsx test/bench/crowd-thread.bench.ts   (CROWD_BENCH_TRADERS=10000, CROWD_BENCH_TICKS=50000)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { MarketTick } from '#shared/domain/market-tick';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { build } from 'esbuild';
import { benchCrowdHeader } from './kit/crowd-header';
import { fmt, phase } from './kit/loop-phase';
import { liveHeapMb } from './kit/live-heap';
import { hostBuild } from '../../electron.config';
import { createApp } from '#main/app/create-app';
import { openWorkspace } from '#main/store/db';
import { TradingJournal } from '#main/trading/journal';
import { restoreOffMain } from '#main/trading/restore-off-main';

const TRADERS = Number(process.env.CROWD_BENCH_TRADERS ?? 100_000);
const TICKS = Number(process.env.CROWD_BENCH_TICKS ?? 250_000);
const T0 = Date.UTC(2025, 0, 1);
/** Wall seconds the app plays its scenario at max speed (CROWD_BENCH_PLAY_SECONDS). */
const PLAY_SECONDS = Number(process.env.CROWD_BENCH_PLAY_SECONDS ?? 20);
/**
 * CROWD_BENCH_HEAP=1 prints the live heap after the pick and after the play. Off by default: the
 * full collection it forces between phases changes the collections of the phases after it (a
 * close measured after one showed a 175 ms gap). The reopen's process prints its own at its end.
 */
const HEAP = process.env.CROWD_BENCH_HEAP === '1';
const OPTIONS = { groupSize: 2000, snapshotEvery: 100_000, verify: true };

const header: EngineEvent[] = benchCrowdHeader(TRADERS, T0);

// The reopen's process and the workers as the app ships them (bundled, the workers beside the
// bundle: hostBuild's), built from the current sources: the restore worker started from its
// TypeScript through tsx spent ~0.7 s of every reopen compiling, and the whole reopen run through
// tsx took ~0.2 s longer. Beside node_modules, so the bundles' require('better-sqlite3') resolves.
// The phases run in this process (tsx) take the restore worker's bundle too.
const root = path.resolve(import.meta.dirname, '../..');
const workerDir = path.join(root, 'node_modules/.cache/levdesk-bench');
const { host: _host, ...shippedWorkers } = hostBuild.entryPoints as Record<string, string>;
await build({ ...hostBuild, entryPoints: { ...shippedWorkers, 'app-reopen': path.join(import.meta.dirname, 'kit/app-reopen.ts') }, outdir: workerDir, sourcemap: false });
process.env.LEVDESK_RESTORE_WORKER = path.join(workerDir, 'trading-restore-worker.cjs');

/** A 1 s random walk of about 1 bp a tick, funding every 8 h (as engine.bench.ts). */
function* market(from: number, count: number): Generator<EngineEvent> {
  let s = 7;
  let price = 100_000;
  for (let i = 0; i < from + count; i++) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    if (i > 0) price *= 1 + (s / 2 ** 32 - 0.5) * 0.0004;
    if (i < from) continue;
    const t = T0 + i * 1000;
    const last = price.toFixed(1) as MarketTick['last'];
    yield { kind: 'tick', tick: { t, symbol: 'BTCUSDT', last, index: last, mark: last, liquidity: { depthScale: 1, spreadBps: 1 } } };
    if (i > 0 && t % (8 * 3_600_000) === 0) yield { kind: 'funding', funding: { t, symbol: 'BTCUSDT', rate: '0.0001' as never, intervalHours: 8, source: 'model' } };
  }
}

const apply = (journal: TradingJournal, e: EngineEvent): void => {
  const r = journal.apply(e, false);
  if (!r.ok) throw new Error(r.rejection.message);
};

console.log(`crowd-thread: ${fmt(TRADERS)} traders, ${fmt(TICKS)} persisted price updates (snapshot every 100,000 events); machine ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
// The app's path first, while the process is fresh as the app's is (the journal phases below leave
// hundreds of MB behind that stretch garbage collection): picking a scenario with this crowd (the
// first tick opens it in slices on main) until trading calls answer, a max-speed play, the close
// and the reopen (off main).
const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-crowd-app-'));
try {
  const scenario = JSON.stringify({
    name: 'bench crowd',
    symbol: 'BTCUSDT',
    start: '2024-01-01T00:00:00Z',
    durationMinutes: 4320,
    seed: 7,
    market: { type: 'gbm', startPrice: '100000', volatility: 0.6 },
    account: { deposit: '20000', leverage: 20, insuranceFund: '100000000' },
    crowd: header[1]!.kind === 'crowd' ? header[1]!.params : undefined,
  });
  const app = createApp({ shell: 'web', dataDir: appDir, validate: false, defaultData: false });
  await phase('app: pick the scenario until trading answers (open in slices)', async () => {
    const r = await app.dispatch('replay.load', { source: { kind: 'inline', json: scenario } });
    if (!r.ok) throw new Error(r.error.message);
    const crowd = await app.dispatch('trading.crowd', { sort: 'liquidationPrice', desc: false, limit: 5 });
    if (!crowd.ok || (crowd.value as { total: number }).total < TRADERS * 0.9) throw new Error('the crowd did not open');
  });
  if (HEAP) console.log(`  live heap after a full collection: ${fmt(liveHeapMb())} MB`);
  // Playing it as fast as the machine goes: quiet ticks, the 08:00 funding settlement of every
  // position, periodic snapshots (every 100,000 events) and cascades, all in slices on main.
  await phase(`app: play at max speed for ${PLAY_SECONDS} s (funding, snapshots, cascades in slices)`, async () => {
    const before = app.services.trading.engine.readState.seq;
    await app.dispatch('replay.speed', { speed: 'max' });
    await app.dispatch('replay.play', {});
    await new Promise((r) => setTimeout(r, PLAY_SECONDS * 1000));
    const st = await app.dispatch('replay.pause', {});
    await app.services.trading.settled();
    const t = st.ok ? (st.value as { t: number | null }).t : null;
    const seq = app.services.trading.engine.readState.seq;
    console.log(`  played to ${t === null ? '?' : new Date(t).toISOString()}: ${fmt(seq - before)} engine events, ${fmt(app.services.workspace.db.prepare('SELECT COUNT(*) AS n FROM trading_snapshots').pluck().get() as number)} snapshots stored, ${fmt(app.services.workspace.db.prepare('SELECT COUNT(*) AS n FROM trading_funding').pluck().get() as number)} trader funding rows`);
    // What the heatmap kept up with: reads that fall behind merge levels and record fewer segments
    // (a change that starves the recorder shows here, not in the blocks).
    const recorder = app.services.heatmap.recorder;
    console.log(`  heatmap recorder: ${fmt(recorder.store.size + recorder.store.dropped)} segments recorded, ${fmt(recorder.backlog)} accounts still queued`);
  });
  if (HEAP) console.log(`  live heap after a full collection: ${fmt(liveHeapMb())} MB`);
  // As the web host's shutdown and the desktop quit close: the snapshot at the head in slices first.
  await phase('app: close (closeAsync: snapshot at the head in slices)', () => app.closeAsync());
  app.close();
  // Reopening is starting the app on the workspace: a fresh process, as the app's (in this one,
  // collecting the closed app's 100,000 accounts paused main ~200-400 ms during the restore).
  const child = spawnSync(process.execPath, [path.join(workerDir, 'app-reopen.cjs'), appDir], { stdio: 'inherit', env: process.env });
  if (child.status !== 0) throw new Error(`the reopen process exited ${child.status}`);
} finally {
  fs.rmSync(appDir, { recursive: true, force: true });
}

const keep = process.env.CROWD_BENCH_DIR;
const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-crowd-'));
if (keep) fs.mkdirSync(keep, { recursive: true });
try {
  const file = path.join(dir, 'workspace.levdesk.db');
  let ws = openWorkspace(file, { checkpoints: 'worker' });
  const { journal } = TradingJournal.open(ws.db, OPTIONS);
  await phase('open: setup, crowd, first tick (on main)', () => {
    for (const e of header) apply(journal, e);
    apply(journal, market(0, 1).next().value as EngineEvent);
    journal.flush(false, true);
  });
  await phase(`persisted replay of ${fmt(TICKS)} ticks, 2,000 per task (on main)`, async () => {
    let n = 0;
    for (const e of market(1, TICKS)) {
      apply(journal, e);
      if (++n % 2000 === 0) await new Promise((r) => setImmediate(r));
    }
    journal.flush(false, true);
  });
  await phase('close (snapshot at the head, on main)', () => journal.close());
  const hash = journal.engine.stateHash();
  ws.close();

  ws = openWorkspace(file, { checkpoints: 'worker' });
  const sync = await phase('reopen, synchronous (TradingJournal.open)', () => TradingJournal.open(ws.db, OPTIONS));
  const syncHash = sync.journal.engine.stateHash();
  ws.close();
  ws = openWorkspace(file, { checkpoints: 'worker' });
  const off = await phase('reopen off main (worker parse + sliced restore)', () => restoreOffMain(ws.db, file, true));
  const offHash = off.engine.stateHash();
  ws.close();
  console.log(`reopen off main: ready on main ${fmt(off.ms / 1000, 2)} s (its own part ${fmt(off.restoredMs / 1000, 2)} s), worker (parse, check, restore, re-hash) ${fmt(off.workerMs / 1000, 2)} s`);
  console.log(`same state hash: synchronous ${syncHash === hash}, off main ${offHash === hash}, worker's hash ${off.hash === hash}`);
} finally {
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}
