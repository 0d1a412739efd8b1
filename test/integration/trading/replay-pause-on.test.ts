import { describe, expect, it } from 'vitest';
import type { PauseOn, ReplayStatus } from '#shared/domain/market-replay';
import type { Settings } from '#shared/domain/settings';
import { createApp } from '#main/app/create-app';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const GBM = JSON.stringify({
  name: 'pause-on',
  symbol: 'BTCUSDT',
  start: '2024-01-01T00:00:00Z',
  durationMinutes: 600,
  seed: 3,
  market: { type: 'gbm', startPrice: '42000', volatility: 0.8 },
  account: { deposit: '20000', leverage: 10 },
});

type App = ReturnType<typeof createApp>;
async function call<T>(app: App, channel: string, input: unknown = {}): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
const open = (dir: string): App => createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });

describe('pause-on-event', () => {
  it('is kept in the workspace settings: a reopened workspace pauses on what the trader chose', async () => {
    const dir = tempDir();
    let app = open(dir);
    expect((await call<ReplayStatus>(app, 'replay.status')).pauseOn).toEqual({ fill: false, stop: false, liquidation: true, adl: false });
    await call(app, 'replay.pauseOn', { fill: true, liquidation: false });
    expect((await call<Settings>(app, 'settings.get')).replayPauseOn).toEqual({ fill: true, stop: false, liquidation: false, adl: false });
    app.close();

    app = open(dir);
    const chosen: PauseOn = { fill: true, stop: false, liquidation: false, adl: false };
    expect((await call<ReplayStatus>(app, 'replay.status')).pauseOn).toEqual(chosen);
    // Settings written through settings.update reach the replay too (one truth, never two).
    const statuses: ReplayStatus[] = [];
    app.events.subscribe((f) => f.type === 'replay.status' && statuses.push(f.payload as ReplayStatus));
    await call(app, 'settings.update', { replayPauseOn: { ...chosen, stop: true } });
    expect((await call<ReplayStatus>(app, 'replay.status')).pauseOn.stop).toBe(true);
    expect(statuses.at(-1)?.pauseOn.stop).toBe(true);
    app.close();
  });

  it('your own market order filling while the replay plays pauses it at once when "fill" is on, and not when off', async () => {
    const app = open(tempDir());
    await call(app, 'replay.load', { source: { kind: 'inline', json: GBM } });
    await call(app, 'replay.speed', { speed: '1x' });

    // Off (the default): the replay plays on through the trader's fill.
    await call(app, 'replay.play');
    await call(app, 'trading.placeOrder', { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.1' });
    expect((await call<ReplayStatus>(app, 'replay.status')).state).toBe('playing');

    // On: the fill stops the clock between ticks, and the status says why and when.
    await call(app, 'replay.pauseOn', { fill: true });
    const t = (await call<ReplayStatus>(app, 'replay.status')).t;
    const placed = await call<{ fills: Array<{ t: number }> }>(app, 'trading.placeOrder', { symbol: 'BTCUSDT', side: 'sell', type: 'market', quantity: '0.1' });
    expect(placed.fills.length).toBeGreaterThan(0);
    const status = await call<ReplayStatus>(app, 'replay.status');
    expect(status.state).toBe('paused');
    expect(status.pausedBy).toEqual({ event: 'fill', t: placed.fills[0]!.t });
    expect(status.t).toBe(t);
    // Paused, another fill changes nothing; playing again clears the reason.
    await call(app, 'trading.placeOrder', { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.1' });
    expect((await call<ReplayStatus>(app, 'replay.status')).pausedBy?.event).toBe('fill');
    expect((await call<ReplayStatus>(app, 'replay.play')).pausedBy).toBeNull();
    app.close();
  });
});
