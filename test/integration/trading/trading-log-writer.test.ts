import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { openWorkspace, type Workspace } from '#main/store/db';
import { MAX_IN_FLIGHT, detachLogWriter, logWriterOf, startLogWriter, type LogWriter } from '#main/store/log-writer';
import { decodeEventBody } from '#main/store/tick-columns';
import { TradingJournal } from '#main/trading/journal';
import { useTempDirs } from '../helpers/temp-dir';
import { scriptedSession } from './session-script';
import { setupEvent, tick, T0 } from '../../unit/engine/helpers';

const tempDir = useTempDirs();
const GROUP = 100;
const OPTS = { groupSize: GROUP, snapshotEvery: 1_000_000, verify: true };
const open: Workspace[] = [];

afterEach(() => {
  for (const ws of open.splice(0)) {
    try {
      ws.close();
    } catch {
      // a test that made the writer fail has checked its error already
    }
  }
});

async function until(what: string, ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ok()) throw new Error(`timed out waiting until ${what}`);
}

/** A workspace whose group commits go to the log writer's worker, once that is ready. */
async function openWithWriter(): Promise<{ ws: Workspace; file: string; writer: LogWriter; journal: TradingJournal }> {
  const file = path.join(tempDir(), 'w.db');
  const ws = openWorkspace(file, { checkpoints: 'worker', logWriter: 'worker' });
  open.push(ws);
  const writer = logWriterOf(ws.db)!;
  await until('the writer is ready', () => writer.state !== 'starting');
  expect(writer.state).toBe('ready');
  return { ws, file, writer, journal: TradingJournal.open(ws.db, OPTS).journal };
}

/** The script's header and market events, without the trader's commands (a test places its own). */
function script(ticks: number): { header: EngineEvent[]; market: EngineEvent[] } {
  const all = scriptedSession(ticks);
  return { header: all.filter((e) => e.kind === 'setup' || e.kind === 'crowd'), market: all.filter((e) => e.kind === 'tick' || e.kind === 'funding') };
}

/** Holds the workspace's write lock from another thread for `ms` (so the writer's groups wait). */
async function holdWriteLock(file: string, ms: number): Promise<Worker> {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const source = `
    const { workerData } = require('node:worker_threads');
    const Database = require(workerData.module);
    const flag = new Int32Array(workerData.flag);
    const db = new Database(workerData.file);
    db.exec('BEGIN IMMEDIATE');
    Atomics.store(flag, 0, 1);
    Atomics.wait(flag, 0, 1, workerData.ms);
    db.exec('COMMIT');
    db.close();
  `;
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(source, { eval: true, workerData: { module, file, ms, flag: flag.buffer } });
  await until('the lock is held', () => Atomics.load(flag, 0) === 1);
  return worker;
}

/** The event seqs on disk, read through a connection of their own. */
function seqsOnDisk(file: string): number[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT seq FROM trading_events ORDER BY seq').all() as Array<{ seq: number }>).map((r) => r.seq);
  } finally {
    db.close();
  }
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('trading log writer (group commits in a worker thread)', () => {
  it('commits groups off main, and a durable command is on disk with every event before it when apply returns', async () => {
    const { ws, file, writer, journal } = await openWithWriter();
    // Main's connection does not wait for a lock: its commit must come after the worker's, never race it.
    ws.db.pragma('busy_timeout = 0');
    const { header, market } = script(2000);
    for (const e of header) expect(journal.apply(e, true).ok).toBe(true);
    // Groups the worker cannot commit yet: another connection holds the write lock for a while.
    const holder = await holdWriteLock(file, 400);
    const groups = MAX_IN_FLIGHT - 1;
    for (const e of market.slice(0, groups * GROUP)) expect(journal.apply(e, false).ok).toBe(true);
    expect(journal.pendingCount).toBe(groups * GROUP);
    expect(seqsOnDisk(file)).toEqual(range(header.length));
    // The command waits for those groups, then commits (fsynced) after them: no gap, nothing missing.
    const last = market[groups * GROUP - 1]!;
    const t = last.kind === 'tick' ? last.tick.t : last.kind === 'funding' ? last.funding.t : 0;
    const command: EngineEvent = { kind: 'command', t, account: 'me', command: { type: 'placeOrder', order: { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.05' } as never } };
    const r = journal.apply(command, true);
    expect(r.ok).toBe(true);
    expect(seqsOnDisk(file)).toEqual(range(journal.seq));
    expect(journal.pendingCount).toBe(0);
    expect(writer.committedGroups).toBe(groups);
    await holder.terminate();
  });

  it('reads, rewinds and close see the groups still in the worker', async () => {
    const { ws, file, journal } = await openWithWriter();
    const { header, market } = script(3000);
    for (const e of header) journal.apply(e, true);
    const holder = await holdWriteLock(file, 300);
    for (const e of market.slice(0, 2 * GROUP)) journal.apply(e, false);
    // The repo's reads wait for the worker: the log holds both groups.
    expect(journal.repo.lastSeq()).toBe(journal.seq);
    for (const e of market.slice(2 * GROUP, 20 * GROUP)) journal.apply(e, false);
    const t = (market[10 * GROUP] as Extract<EngineEvent, { kind: 'tick' }>).tick.t;
    const rewound = journal.rewindTo(t, header.length);
    expect(rewound.discarded).toBeGreaterThan(0);
    expect(seqsOnDisk(file)).toEqual(range(journal.seq));
    for (const e of market.slice(10 * GROUP, 14 * GROUP)) journal.apply(e, false);
    const applied = journal.seq;
    // Closing the workspace commits what the worker was given (the buffered tail below a group is the journal's to flush).
    ws.close();
    open.splice(0);
    expect(seqsOnDisk(file)).toEqual(range(applied));
    await holder.terminate();
  });

  it("throws the worker's error at the next flush, and commits nothing after the failed group", async () => {
    const { ws, file, journal } = await openWithWriter();
    const { header, market } = script(2000);
    for (const e of header) journal.apply(e, true);
    // A row already at the seq of an event of the third group: that group's commit fails in the worker.
    const clash = header.length + 2 * GROUP + 7;
    ws.db.prepare("INSERT INTO trading_events (seq, t, kind, body) VALUES (?, 0, 'tick', '{}')").run(clash);
    let thrown: unknown = null;
    try {
      for (const e of market.slice(0, 5 * GROUP)) journal.apply(e, false);
      journal.flush();
    } catch (err) {
      thrown = err;
    }
    expect(String(thrown)).toMatch(/trading log's writer failed.*UNIQUE constraint failed: trading_events\.seq/);
    // The error stays: a trader's command is refused rather than written after the hole.
    expect(() => journal.apply(market[5 * GROUP]!, true)).toThrow(/UNIQUE constraint failed/);
    const logged = seqsOnDisk(file).filter((s) => s !== clash);
    expect(logged).toEqual(range(header.length + 2 * GROUP));
  });

  it('keeps the commits on main when the worker cannot start', async () => {
    const file = path.join(tempDir(), 'w.db');
    const ws = openWorkspace(file);
    open.push(ws);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const writer = startLogWriter(ws.db, file, { nativeBinding: path.join(tempDir(), 'no-such-binding.node') });
      await until('the writer gave up', () => writer.state !== 'starting');
      const { journal } = TradingJournal.open(ws.db, OPTS);
      const events = scriptedSession(600);
      for (const e of events) journal.apply(e, e.kind === 'command');
      journal.flush();
      expect(seqsOnDisk(file)).toEqual(range(journal.seq));
      expect(writer.committedGroups).toBe(0);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/writer thread could not start/));
      writer.stop();
      detachLogWriter(ws.db);
    } finally {
      warn.mockRestore();
    }
  });

  it('stores every event so that it reads back as the same JSON, price updates in every layout packed (written from columns in the worker)', async () => {
    const { ws, writer, journal } = await openWithWriter();
    const { header, market } = script(3 * GROUP);
    // The market feed's key orders (a stored mark; a modelled mark with its components), and a tick with a key of its own.
    const reorder = (e: EngineEvent, i: number): EngineEvent => {
      if (e.kind !== 'tick') return e;
      const { t, symbol, last, index, mark, liquidity } = e.tick;
      if (i % 3 === 0) return { kind: 'tick', tick: { t, symbol, last, index, liquidity, mark } };
      if (i % 3 === 1) return { kind: 'tick', tick: { t, symbol, last, index, liquidity, mark, markComponents: { price1: mark, price2: index } } };
      return { kind: 'tick', tick: { ...e.tick, note: 'a "quoted" note' } as typeof e.tick };
    };
    const events = [...header, ...market.map(reorder)];
    for (const e of events) expect(journal.apply(e, false).ok).toBe(true);
    journal.flush();
    expect(writer.committedGroups).toBeGreaterThan(0);
    const bodies = (ws.db.prepare('SELECT body FROM trading_events ORDER BY seq').all() as Array<{ body: string }>).map((r) => r.body);
    // Price updates in the three layouts are packed (written from columns in the worker); the odd tick and the rest are JSON.
    const packed = market.filter((e, i) => e.kind === 'tick' && i % 3 !== 2).length;
    expect(packed).toBeGreaterThan(GROUP);
    expect(bodies.filter((b) => b.startsWith('~')).length).toBe(packed);
    expect(bodies.map((b) => JSON.stringify(decodeEventBody(b)))).toEqual(events.map((e) => JSON.stringify(e)));
    expect(bodies.filter((b) => !b.startsWith('~'))).toEqual(events.filter((_, i) => !bodies[i]!.startsWith('~')).map((e) => JSON.stringify(e)));
  });

  it("stores a cascade's history rows written ahead in steps (PACKED_ROWS, in the worker) as the commit writes them on main", async () => {
    const crowd: EngineEvent = { kind: 'crowd', t: T0, symbol: 'BTCUSDT', params: { seed: 3, traders: 1200, longShare: 1, leverage: [{ leverage: 25, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.2, minDistance: 0.01, maxDistance: 0.05 }, entryWindowHours: 0 } };
    const events: EngineEvent[] = [setupEvent({ deposit: '50000', leverage: 10 }), crowd, { kind: 'tick', tick: tick(T0 + 60_000, '100000') }];
    const crash: EngineEvent = { kind: 'tick', tick: tick(T0 + 120_000, '90000') };
    const tables = ['trading_liquidations', 'trading_insurance', 'trading_balance', 'trading_order_versions', 'trading_fills', 'trading_events'];
    // Every row as its JSON, sorted (some of these tables have no rowid to order by).
    const dump = (db: Workspace['db']): Record<string, string[]> => Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).all().map((row) => JSON.stringify(row)).sort()]));
    // In steps with a log writer: the crash's rows are written ahead and committed in the worker.
    const { ws, writer, journal } = await openWithWriter();
    for (const e of events) expect(journal.apply(e, false).ok).toBe(true);
    const steps = journal.applySteps(crash, 10);
    let r = steps.next();
    while (!r.done) r = steps.next();
    expect(r.value.ok && r.value.effects.filter((x) => x.kind === 'liquidation').length).toBeGreaterThan(500);
    journal.flush();
    expect(writer.committedGroups).toBeGreaterThan(0);
    // At once, committed on main: the rows encoded at the commit.
    const inline = openWorkspace(path.join(tempDir(), 'inline.db'));
    open.push(inline);
    const plain = TradingJournal.open(inline.db, OPTS).journal;
    for (const e of [...events, crash]) expect(plain.apply(e, false).ok).toBe(true);
    plain.flush();
    const ahead = dump(ws.db);
    expect(ahead.trading_liquidations!.length).toBeGreaterThan(500);
    expect(ahead).toEqual(dump(inline.db));
  });

  it("stores a snapshot written in slices (UTF-8 chunks moved to the writer's thread) as the same text and hash as one written at once", async () => {
    const { ws, journal } = await openWithWriter();
    const { header, market } = script(300);
    for (const e of [...header, ...market]) expect(journal.apply(e, false).ok).toBe(true);
    const steps = journal.snapshotSteps(7);
    while (!steps.next().done);
    journal.flush();
    const stepped = journal.repo.latestSnapshot()!;
    expect(stepped.seq).toBe(journal.seq);
    // The reference: the same state's snapshot written at once on a workspace without a writer.
    const plain = openWorkspace(path.join(tempDir(), 'plain.db'));
    open.push(plain);
    const reference = TradingJournal.open(plain.db, OPTS).journal;
    for (const e of [...header, ...market]) expect(reference.apply(e, false).ok).toBe(true);
    reference.flush(true);
    const whole = reference.repo.latestSnapshot()!;
    expect(stepped.body).toBe(whole.body);
    expect(stepped.index).toBe(whole.index);
    expect(stepped.hash).toBe(whole.hash);
    expect(ws.db.prepare('SELECT typeof(body) AS b, typeof(index_body) AS i FROM trading_snapshots WHERE seq = ?').get(stepped.seq)).toEqual({ b: 'text', i: 'text' });
  });

  it('drained() waits for the groups in the worker without blocking the event loop', async () => {
    const { file, writer, journal } = await openWithWriter();
    const { header, market } = script(1000);
    for (const e of header) expect(journal.apply(e, true).ok).toBe(true);
    const holder = await holdWriteLock(file, 300);
    for (const e of market.slice(0, 3 * GROUP)) expect(journal.apply(e, false).ok).toBe(true);
    let turns = 0;
    const counting = setInterval(() => (turns += 1), 5);
    const before = writer.committedGroups;
    await writer.drained();
    clearInterval(counting);
    expect(writer.committedGroups).toBe(before + 3);
    expect(seqsOnDisk(file)).toEqual(range(journal.seq));
    // The lock was held ~300 ms: the event loop turned meanwhile.
    expect(turns).toBeGreaterThan(5);
    await holder.terminate();
  });
});
