import { describe, expect, it } from 'vitest';
import { createApp, type App } from '#main/app/create-app';
import { TradingLogRepo } from '#main/store/trading-log-repo';
import { hashOffMain } from '#main/trading/hash-off-main';
import { rebuild } from '#main/trading/rebuild';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * A big crowd opens in slices on main's thread (issue 10 item 7): the tick that opens it runs a
 * few milliseconds at a time, trading calls wait for it, market events and seeks that arrive
 * meanwhile run after it in order, and the result is the one of an open done at once.
 */
const tempDir = useTempDirs();
const scenario = (name: string, traders: number): string =>
  JSON.stringify({
    name,
    symbol: 'BTCUSDT',
    start: '2024-01-01T00:00:00Z',
    durationMinutes: 600,
    seed: 7,
    market: { type: 'gbm', startPrice: '42000', volatility: 0.9 },
    account: { deposit: '20000', leverage: 20 },
    crowd: traders > 0 ? { seed: 2, traders, longShare: 0.5, leverage: [{ leverage: 10, weight: 1 }, { leverage: 50, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.3, minDistance: 0.01, maxDistance: 0.03 }, entryWindowHours: 0 } : undefined,
  });
const BIG = scenario('big crowd', 3000);

async function call<T>(app: App, channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
const hashOf = async (app: App): Promise<string> => (await call<{ stateHash: string }>(app, 'trading.session', {})).stateHash;

describe('opening a big crowd without holding main', () => {
  it('opens in slices while the event loop runs; trading calls wait for it; seeks and steps sent meanwhile apply after it, in order', async () => {
    // Reference: the same steps, each sent once the crowd is open.
    const ref = createApp({ shell: 'web', dataDir: tempDir(), validate: true, defaultData: false });
    await call(ref, 'replay.load', { source: { kind: 'inline', json: BIG } });
    await ref.services.trading.settled();
    await call(ref, 'replay.step', { ticks: 30 });
    await call(ref, 'replay.seek', { t: Date.parse('2024-01-01T00:10:00Z') });
    await call(ref, 'replay.step', { ticks: 5 });
    const refHash = await hashOf(ref);
    ref.close();

    const app = createApp({ shell: 'web', dataDir: tempDir(), validate: true, defaultData: false });
    await call(app, 'replay.load', { source: { kind: 'inline', json: BIG } });
    expect(app.services.trading.busy).toBe(true);
    let loopRanMidOpen = false;
    setImmediate(() => (loopRanMidOpen = app.services.trading.busy));
    // Sent while the crowd opens: the replay answers at once, the trading service defers them.
    await call(app, 'replay.step', { ticks: 30 });
    await call(app, 'replay.seek', { t: Date.parse('2024-01-01T00:10:00Z') });
    await call(app, 'replay.step', { ticks: 5 });
    const crowd = await call<{ total: number }>(app, 'trading.crowd', { sort: 'liquidationPrice', desc: false, limit: 5 });
    expect(loopRanMidOpen).toBe(true);
    expect(app.services.trading.busy).toBe(false);
    expect(crowd.total).toBe(3000);
    expect(await hashOf(app)).toBe(refHash);
    expect(refHash).toBe(app.services.trading.stateHash());
    // A big state's hash comes from a worker rebuilding it from the log (hash-off-main.ts): it is the engine's.
    app.services.trading.flush();
    expect(await hashOffMain(app.services.workspace.path, app.services.trading.engine.readState.seq)).toBe(refHash);
    // The seek was rebuilt off main: the same state as a synchronous rebuild of the cut log.
    app.services.trading.flush();
    const repo = new TradingLogRepo(app.services.workspace.db);
    expect(rebuild(repo, repo.lastSeq(), true).engine.stateHash()).toBe(refHash);

    // A seek after the crowd is open: the rebuild runs off main while the loop answers.
    await call(app, 'replay.seek', { t: Date.parse('2024-01-01T00:05:00Z') });
    expect(app.services.trading.busy).toBe(true);
    await call(app, 'replay.step', { ticks: 3 });
    const rewound = await hashOf(app);
    app.services.trading.flush();
    expect(rebuild(repo, repo.lastSeq(), true).engine.stateHash()).toBe(rewound);
    const placed = await call<{ order: { status: string } }>(app, 'trading.placeOrder', { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.1' });
    expect(placed.order.status).toBe('filled');
    // History rows are the trader's: the crowd's 3,000 entry fills and their stops stay in the log only.
    app.services.trading.flush();
    const rows = (sql: string): number => (app.services.workspace.db.prepare(sql).get() as { n: number }).n;
    expect(rows("SELECT COUNT(*) AS n FROM trading_fills WHERE account = 'me'")).toBeGreaterThan(0);
    expect(rows("SELECT COUNT(*) AS n FROM trading_fills WHERE account <> 'me'")).toBe(0);
    expect(rows("SELECT COUNT(*) AS n FROM trading_order_versions WHERE account <> 'me'")).toBe(0);
    app.close();
  });

  it('an order sent while the crowd opens waits for it and fills', async () => {
    const app = createApp({ shell: 'web', dataDir: tempDir(), validate: true, defaultData: false });
    await call(app, 'replay.load', { source: { kind: 'inline', json: BIG } });
    expect(app.services.trading.busy).toBe(true);
    const placed = await call<{ order: { status: string } }>(app, 'trading.placeOrder', { symbol: 'BTCUSDT', side: 'sell', type: 'market', quantity: '0.1' });
    expect(placed.order.status).toBe('filled');
    expect(await call<unknown[]>(app, 'trading.positions', {})).toHaveLength(1);
    app.close();
  });

  it('another scenario picked while the crowd opens replaces it; closing mid-open finishes and logs it', async () => {
    const dir = tempDir();
    let app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    await call(app, 'replay.load', { source: { kind: 'inline', json: BIG } });
    expect(app.services.trading.busy).toBe(true);
    await call(app, 'replay.load', { source: { kind: 'inline', json: scenario('no crowd', 0) } });
    expect(app.services.trading.busy).toBe(false);
    expect(await call<{ name: string }>(app, 'trading.session', {})).toMatchObject({ name: 'no crowd' });
    expect((await call<{ total: number }>(app, 'trading.crowd', { sort: 'liquidationPrice', desc: false, limit: 5 })).total).toBe(0);

    await call(app, 'replay.load', { source: { kind: 'inline', json: BIG } });
    expect(app.services.trading.busy).toBe(true);
    app.close();
    app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    await app.services.trading.ready;
    await app.services.trading.settled();
    expect((await call<{ total: number }>(app, 'trading.crowd', { sort: 'liquidationPrice', desc: false, limit: 5 })).total).toBe(3000);
    // The session was recorded once its crowd was in the log: the reopened app resumes it.
    expect(await call<{ name: string; active: boolean }>(app, 'trading.session', {})).toMatchObject({ name: 'big crowd', active: true });
    const reopened = await hashOf(app);
    app.close();

    const ref = createApp({ shell: 'web', dataDir: tempDir(), validate: true, defaultData: false });
    await call(ref, 'replay.load', { source: { kind: 'inline', json: BIG } });
    await ref.services.trading.settled();
    expect(await hashOf(ref)).toBe(reopened);
    ref.close();
  });

  it('closing while a big crowd is still being drawn logs its header and records the session', () => {
    const dir = tempDir();
    let app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    void app.dispatch('replay.load', { source: { kind: 'inline', json: scenario('drawn', 40_000) } });
    expect(app.services.trading.busy).toBe(true);
    expect(app.services.trading.currentSession).not.toBeNull();
    app.close();
    app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    expect(app.services.trading.currentSession?.name).toBe('drawn');
    app.close();
  });

  it('closes through closeAsync without holding main: the snapshot at the head is written in slices, and the workspace reopens to the same state', async () => {
    const dir = tempDir();
    const app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    await call(app, 'replay.load', { source: { kind: 'inline', json: BIG } });
    await app.services.trading.settled();
    await call(app, 'replay.step', { ticks: 20 });
    await app.services.trading.settled();
    const hash = await hashOf(app);
    const db = app.services.workspace.db;
    const head = (): { seq: number; snap: number } => db.prepare('SELECT (SELECT MAX(seq) FROM trading_events) AS seq, (SELECT COALESCE(MAX(seq), 0) FROM trading_snapshots) AS snap').get() as { seq: number; snap: number };
    expect(head().snap).toBeLessThan(head().seq);
    let turns = 0;
    const counting = setInterval(() => (turns += 1), 1);
    const closing = app.closeAsync();
    let snapshotAtHeadBeforeClose = false;
    // While it is written the workspace is still open; once the snapshot is at the head, close() follows.
    while (db.open) {
      if (head().snap === head().seq) snapshotAtHeadBeforeClose = true;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await closing;
    clearInterval(counting);
    expect(snapshotAtHeadBeforeClose).toBe(true);
    expect(turns).toBeGreaterThan(2);
    await app.closeAsync(); // twice: nothing more
    const reopened = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    await reopened.services.trading.ready;
    expect(reopened.services.trading.openReport.replayed).toBe(0);
    expect(await hashOf(reopened)).toBe(hash);
    reopened.close();
  });
});
