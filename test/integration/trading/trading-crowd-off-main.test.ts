import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { MarketTick } from '#shared/domain/market-tick';
import { ScenarioSchema, scenarioStartMs } from '#shared/domain/scenario';
import { openWorkspace } from '#main/store/db';
import { TradingLogRepo } from '#main/store/trading-log-repo';
import { TradingJournal } from '#main/trading/journal';
import { rebuild } from '#main/trading/rebuild';
import { TradingService } from '#main/trading/trading-service';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const OPTS = { groupSize: 50, snapshotEvery: 150, verify: true };

/** 2,500 traders arriving on the first tick: over CROWD_OFF_MAIN_TRADERS, so the crowd opens in the trading worker. */
const scenario = ScenarioSchema.parse({
  name: 'crowd off main',
  symbol: 'BTCUSDT',
  start: '2024-01-01T00:00:00Z',
  durationMinutes: 600,
  seed: 3,
  market: { type: 'gbm', startPrice: '42000', volatility: 0.8 },
  account: { deposit: '20000', leverage: 20 },
  crowd: { seed: 4, traders: 2500, longShare: 0.55, leverage: [{ leverage: 10, weight: 1 }, { leverage: 50, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.4, minDistance: 0.01, maxDistance: 0.03 }, entryWindowHours: 0 },
  script: [{ atMinute: 1, command: { type: 'placeOrder', order: { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.05' } } }],
});
const T0 = scenarioStartMs(scenario);

/** A falling random walk, 10 s a tick: the crowd's stops and liquidations fire along it. */
function ticks(n: number): MarketTick[] {
  let s = 11;
  let price = 42_000;
  const out: MarketTick[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    if (i > 0) price *= 1 + (s / 2 ** 32 - 0.52) * 0.004;
    const last = price.toFixed(1) as MarketTick['last'];
    out.push({ t: T0 + i * 10_000, symbol: 'BTCUSDT', last, index: last, mark: last, liquidity: { depthScale: 1, spreadBps: 1 } });
  }
  return out;
}

function service(file: string, offMain: boolean): { service: TradingService; close: () => void; db: ReturnType<typeof openWorkspace>['db'] } {
  const ws = openWorkspace(file);
  const s = new TradingService({
    db: ws.db,
    publish: () => undefined,
    defaults: () => ({ profile: 'binance-usdm', leverage: 10, mode: 'isolated' }),
    loadedScenario: () => ({ scenario, id: 'crowd' }),
    journal: OPTS,
    // The app draws crowds of 10,000 or more in the worker; this one of 2,500 is sent there too.
    ...(offMain ? { offMain: { dbPath: file, crowd: { draw: 2000, tick: 2000 } } } : {}),
  });
  return { service: s, db: ws.db, close: () => ws.close() };
}

/**
 * Issue 10 item 7: the tick that opens a big crowd runs in the trading worker, which then stays
 * as main's replica and writes the snapshots. Same events, same state: the state hash after the
 * off-main open (and after the market events held meanwhile, a rewind, more events) is the one
 * the open on main gives, and the snapshots the worker wrote restore to the same hashes.
 */
describe('opening a big crowd off main', () => {
  it('gives the engine of the open on main, logs the same, and its worker writes snapshots that restore to the same state', async () => {
    const market = ticks(400);
    const dir = tempDir();

    // On main (no worker): the reference.
    const a = service(path.join(dir, 'a.db'), false);
    a.service.onReset(T0);
    a.service.onTick(market[0]!);
    const hashAtCrowd = a.service.engine.stateHash();
    for (const t of market.slice(1, 300)) a.service.onTick(t);
    a.service.onReset(market[200]!.t);
    for (const t of market.slice(200)) a.service.onTick(t);
    const hash = a.service.engine.stateHash();
    const events = new TradingLogRepo(a.db).lastSeq();
    a.service.close();
    a.close();

    // Off main: the first tick goes to the worker, the next ones are held and applied afterwards.
    const file = path.join(dir, 'b.db');
    const b = service(file, true);
    b.service.onReset(T0);
    // The crowd's draw (its event) goes to the worker at once.
    expect(b.service.restoring).toBe(true);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = performance.now();
    b.service.onTick(market[0]!);
    expect(b.service.restoring).toBe(true);
    expect(() => b.service.command({ type: 'deposit', amount: '1' } as never)).toThrow(/still opening/);
    for (const t of market.slice(1, 20)) b.service.onTick(t);
    await b.service.opened();
    delay.disable();
    console.log(
      `crowd of 2,500 opened off main in ${(performance.now() - started).toFixed(0)} ms; main's event-loop delay max ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`,
    );
    expect(b.service.restoring).toBe(false);
    await b.service.snapshotWritten;
    // The crowd's draw is event 2, its tick event 3; the worker stored the state after each.
    const repo = new TradingLogRepo(b.db);
    expect(repo.snapshotSeqs().slice(0, 2)).toEqual([2, 3]);
    expect(rebuild(repo, 3, true).engine.stateHash()).toBe(hashAtCrowd);

    for (const t of market.slice(20, 300)) b.service.onTick(t);
    b.service.onReset(market[200]!.t);
    for (const t of market.slice(200)) b.service.onTick(t);
    expect(b.service.engine.stateHash()).toBe(hash);
    b.service.close();
    await b.service.snapshotWritten;
    expect(repo.lastSeq()).toBe(events);
    b.close();

    // The close snapshot (written by the worker after close returned) is at the head and restores to the same hash.
    const ws = openWorkspace(file);
    const reopened = TradingJournal.open(ws.db, OPTS);
    expect(reopened.report.snapshotSeq).toBe(events);
    expect(reopened.report.hash).toBe(hash);
    ws.close();
   }, 180_000);

  it('never stores a snapshot of a timeline the log has since cut (the generation moved on)', () => {
    const ws = openWorkspace(path.join(tempDir(), 'w.db'));
    const repo = new TradingLogRepo(ws.db);
    const a = service(':memory:', false);
    a.service.onReset(T0);
    for (const t of ticks(3)) a.service.onTick(t);
    a.service.flush();
    const logged = [...new TradingLogRepo(a.db).events(1)].map(({ seq, event }) => ({ seq, event, effects: [] }));
    a.service.close();
    a.close();
    repo.append(logged);
    const generation = repo.generation();
    const snap = { seq: 4, t: null, hash: 'h', body: '{}', index: null };
    repo.truncateFrom(4);
    expect(repo.generation()).toBe(generation + 1);
    repo.append(logged.slice(3));
    expect(repo.putSnapshotIfCurrent(snap, generation)).toBe(false);
    expect(repo.snapshotSeqs()).toEqual([]);
    expect(repo.putSnapshotIfCurrent(snap, generation + 1)).toBe(true);
    expect(repo.snapshotSeqs()).toEqual([4]);
    ws.close();
  });
});
