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
    app.close();

    // Reopen: the same state (hash) from the log and its snapshots.
    app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    app.events.subscribe((f) => frames.push(f));
    expect((await call<{ stateHash: string }>(app, 'trading.session', {})).stateHash).toBe(hashBefore);
    expect(await call<unknown[]>(app, 'trading.positions', {})).toHaveLength(1);

    // Loading the same scenario rewinds the session to its start: the trader's order is gone.
    await call(app, 'replay.load', { source: { kind: 'inline', json: GBM } });
    const reset = frames.filter((f) => f.type === 'trading.reset').at(-1);
    expect(reset?.payload).toMatchObject({ reason: 'rewind', discardedCommands: 1 });
    expect(await call<unknown[]>(app, 'trading.positions', {})).toHaveLength(0);
    app.close();
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
