/**
 * Rebuilding a big crowd's engine from its log (issue 10 item 8): 1,000,000 persisted events with
 * a 100,000-trader crowd, a snapshot every 100,000; then `rebuild` (latest snapshot at or before
 * the target, checked, plus the tail of events after it) to a few targets, as a reopen (tail 0),
 * a rewind or a seek do. Prints wall and process CPU time (a loaded machine stretches the first)
 * and whether each rebuild lands on the live engine's state hash. Asserts nothing.
 *
 *   npx tsx test/bench/crowd-rebuild.bench.ts   (CROWD_REBUILD_TRADERS=100000, CROWD_REBUILD_EVENTS=1000000)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MarketTick } from '#shared/domain/market-tick';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { benchCrowdHeader } from './kit/crowd-header';
import { openWorkspace } from '#main/store/db';
import { TradingJournal } from '#main/trading/journal';
import { rebuild } from '#main/trading/rebuild';

const TRADERS = Number(process.env.CROWD_REBUILD_TRADERS ?? 100_000);
const EVENTS = Number(process.env.CROWD_REBUILD_EVENTS ?? 1_000_000);
const T0 = Date.UTC(2025, 0, 1);
const OPTIONS = { groupSize: 2000, snapshotEvery: 100_000, verify: true };
const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const header: EngineEvent[] = benchCrowdHeader(TRADERS, T0);

/** A 1 s random walk of about 1 bp a tick, funding every 8 h (as crowd-thread.bench.ts). */
function* market(count: number): Generator<EngineEvent> {
  let s = 7;
  let price = 100_000;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    if (i > 0) price *= 1 + (s / 2 ** 32 - 0.5) * 0.0004;
    const t = T0 + i * 1000;
    const last = price.toFixed(1) as MarketTick['last'];
    yield { kind: 'tick', tick: { t, symbol: 'BTCUSDT', last, index: last, mark: last, liquidity: { depthScale: 1, spreadBps: 1 } } };
    if (i > 0 && t % (8 * 3_600_000) === 0) yield { kind: 'funding', funding: { t, symbol: 'BTCUSDT', rate: '0.0001' as never, intervalHours: 8, source: 'model' } };
  }
}

function timed<T>(run: () => T): { out: T; wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const out = run();
  const c = process.cpuUsage(c0);
  return { out, wallMs: performance.now() - w0, cpuMs: (c.user + c.system) / 1000 };
}

console.log(`crowd-rebuild: ${fmt(TRADERS)} traders, ${fmt(EVENTS)} persisted events, snapshot every 100,000; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-rebuild-'));
try {
  const file = path.join(dir, 'workspace.levdesk.db');
  const ws = openWorkspace(file);
  const { journal } = TradingJournal.open(ws.db, OPTIONS);
  const hashes = new Map<number, string>();
  const write = timed(() => {
    for (const e of header) journal.apply(e, false);
    for (const e of market(EVENTS)) {
      if (journal.seq >= EVENTS) break;
      const r = journal.apply(e, false);
      if (!r.ok) throw new Error(r.rejection.message);
      // The targets below: the live engine's hash there is the oracle.
      if (journal.seq === EVENTS - 99_000 || journal.seq === EVENTS - 50_000 || journal.seq === EVENTS) hashes.set(journal.seq, journal.engine.stateHash());
    }
    journal.flush(false, true);
  });
  console.log(`write ${fmt(journal.seq)} events: ${fmt(write.wallMs / 1000, 1)} s wall, ${fmt(write.cpuMs / 1000, 1)} s CPU (load ${os.loadavg()[0]!.toFixed(2)})`);
  for (const [to, verify] of [[EVENTS, true], [EVENTS - 50_000, false], [EVENTS - 99_000, false], [EVENTS - 99_000, true]] as const) {
    const r = timed(() => rebuild(journal.repo, to, verify));
    const tail = to - r.out.snapshotSeq;
    console.log(
      `rebuild to ${fmt(to).padStart(9)} (snapshot ${fmt(r.out.snapshotSeq)} + tail ${fmt(tail).padStart(6)}, ${verify ? 'checked' : 'unchecked'}): ${fmt(r.wallMs / 1000, 2)} s wall, ${fmt(r.cpuMs / 1000, 2)} s CPU (load ${os.loadavg()[0]!.toFixed(2)}), same hash ${r.out.engine.stateHash() === hashes.get(to)}`,
    );
  }
  ws.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
