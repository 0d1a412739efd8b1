import { describe, expect, it } from 'vitest';
import type { EventFrame } from '#shared/ipc/events';
import { createApp } from '#main/app/create-app';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const GBM = JSON.stringify({
  name: 'gbm with crowd',
  symbol: 'BTCUSDT',
  start: '2024-01-01T00:00:00Z',
  durationMinutes: 600,
  seed: 3,
  market: { type: 'gbm', startPrice: '42000', volatility: 0.8 },
  account: { deposit: '20000', leverage: 20 },
  crowd: { seed: 1, traders: 500, longShare: 0.55, leverage: [{ leverage: 10, weight: 1 }, { leverage: 50, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.4, minDistance: 0.01, maxDistance: 0.03 }, entryWindowHours: 0 },
});

async function call<T>(app: ReturnType<typeof createApp>, channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('trading service over IPC, driven by the replay', () => {
  it('starts a session with the scenario crowd, trades, refuses with the reason, rewinds on seek, and survives a reopen', async () => {
    const dir = tempDir();
    let app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    const frames: EventFrame[] = [];
    app.events.subscribe((f) => frames.push(f));
    await call(app, 'replay.load', { source: { kind: 'inline', json: GBM } });
    const session = await call<{ active: boolean; symbols: string[]; seq: number }>(app, 'trading.session', {});
    expect(session).toMatchObject({ active: true, symbols: ['BTCUSDT'] });
    const crowd = await call<{ total: number }>(app, 'trading.crowd', { sort: 'liquidationPrice', desc: false, limit: 10 });
    expect(crowd.total).toBe(500);

    const placed = await call<{ order: { status: string }; fills: unknown[] }>(app, 'trading.placeOrder', { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.2' });
    expect(placed.order.status).toBe('filled');
    expect(placed.fills.length).toBeGreaterThan(0);
    const bad = await app.dispatch('trading.placeOrder', { symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.2', price: '41000.05' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'ENGINE_REJECTED', details: { code: 'tickSize', field: 'price' } });

    const positions = await call<Array<{ liquidationPrice: string; adl: { quintile: number } }>>(app, 'trading.positions', {});
    expect(positions).toHaveLength(1);
    expect(Number(positions[0]!.liquidationPrice)).toBeGreaterThan(39_000);
    const explained = await call<{ result: { value: string } }>(app, 'trading.explain', { kind: 'liquidationPrice', symbol: 'BTCUSDT' });
    expect(explained.result.value).toBe(positions[0]!.liquidationPrice);

    await call(app, 'replay.step', { ticks: 200 });
    app.services.trading.pushFrame();
    expect(frames.some((f) => f.type === 'trading.state')).toBe(true);
    const hashBefore = (await call<{ stateHash: string }>(app, 'trading.session', {})).stateHash;
    const barsBefore = await call<{ bars: unknown[] }>(app, 'replay.bars', {});
    app.close();

    // Reopen: the same state (hash) from the log and its snapshots.
    app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    app.events.subscribe((f) => frames.push(f));
    expect((await call<{ stateHash: string }>(app, 'trading.session', {})).stateHash).toBe(hashBefore);
    expect(await call<unknown[]>(app, 'trading.positions', {})).toHaveLength(1);

    // The reopened app has loaded the session's scenario again, paused where the replay stopped.
    const status = await call<{ state: string; t: number; tickIndex: number; scenario: { name: string } }>(app, 'replay.status', {});
    expect(status).toMatchObject({ state: 'paused', scenario: { name: 'gbm with crowd' } });
    expect(status.tickIndex).toBe(201);
    // The chart's bars were rebuilt from the events moved past (the engine did not see them twice).
    expect(await call<{ bars: unknown[] }>(app, 'replay.bars', {})).toEqual(barsBefore);
    expect((await call<{ stateHash: string }>(app, 'trading.session', {})).stateHash).toBe(hashBefore);

    // Loading the same scenario again continues the session too: nothing rewound, nothing lost.
    await call(app, 'replay.load', { source: { kind: 'inline', json: GBM } });
    expect((await call<{ tickIndex: number }>(app, 'replay.status', {})).tickIndex).toBe(201);
    expect(await call<unknown[]>(app, 'trading.positions', {})).toHaveLength(1);

    // Seeking back to the start rewinds: the trader's order is gone.
    await call(app, 'replay.seek', { t: Date.parse('2024-01-01T00:00:00Z') });
    const reset = frames.filter((f) => f.type === 'trading.reset').at(-1);
    expect(reset?.payload).toMatchObject({ reason: 'rewind', discardedCommands: 1 });
    expect(await call<unknown[]>(app, 'trading.positions', {})).toHaveLength(0);
    app.close();
  });

  it('a session carried on after a restart ends in the same state as one never interrupted', async () => {
    const run = async (restartAfter: number | null): Promise<string> => {
      const dir = tempDir();
      let app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
      await call(app, 'replay.load', { source: { kind: 'inline', json: GBM } });
      await call(app, 'replay.step', { ticks: 100 });
      await call(app, 'trading.placeOrder', { symbol: 'BTCUSDT', side: 'sell', type: 'market', quantity: '0.3' });
      await call(app, 'replay.step', { ticks: 150 });
      if (restartAfter !== null) {
        app.close();
        app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
      }
      await call(app, 'trading.placeOrder', { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.1' });
      await call(app, 'replay.step', { ticks: 400 });
      const { stateHash } = await call<{ stateHash: string }>(app, 'trading.session', {});
      const replay = await call<{ tickIndex: number }>(app, 'replay.status', {});
      expect(replay.tickIndex).toBe(651);
      app.close();
      return stateHash;
    };
    expect(await run(250)).toBe(await run(null));
  });
});

describe('sessions without a scenario', () => {
  it('start from the settings, made valid for the symbol (linear profile, leverage within the first bracket)', async () => {
    const { defaultSession } = await import('#main/trading/session');
    const s = defaultSession('DOGEUSDT', 0, { profile: 'bitmex-inverse', leverage: 125, mode: 'cross' });
    expect(s.setup.markets[0]!.profile).toBe('binance-usdm');
    expect(s.setup.accounts[0]!.settings[0]!.leverage).toBeLessThanOrEqual(75);
    const { Engine } = await import('#main/engine/engine');
    expect(new Engine().apply({ kind: 'setup', t: 0, setup: s.setup }).ok).toBe(true);
  });
});
