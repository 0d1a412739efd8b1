import { describe, expect, it } from 'vitest';
import type { ReplayStatus } from '#shared/domain/market-replay';
import { createApp, type App } from '#main/app/create-app';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * A reopened workspace resumes its session's replay. A long scenario (from 20,000 ticks) is
 * compiled in slices first, as the picker's load does, so the reopen does not hold main ~50 ms
 * with it; a scenario picked in the meantime is not replaced by the resumed one.
 */
const tempDir = useTempDirs();
// 2,000 minutes of 5 s ticks: 24,000 ticks, above the sliced-compile threshold.
const scenario = (name: string, seed: number): string =>
  JSON.stringify({ name, symbol: 'BTCUSDT', start: '2024-01-01T00:00:00Z', durationMinutes: 2000, seed, market: { type: 'gbm', startPrice: '42000', volatility: 0.6 }, account: { deposit: '20000', leverage: 20 } });

async function call<T>(app: App, channel: string, input: unknown = {}): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function until(ok: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}

describe('resuming a long scenario on reopen', () => {
  it('compiles it in slices, then carries on where the session stopped', async () => {
    const dir = tempDir();
    const first = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    await call(first, 'replay.load', { source: { kind: 'inline', json: scenario('long', 3) } });
    await call(first, 'replay.step', { ticks: 40 });
    const stoppedAt = (await call<ReplayStatus>(first, 'replay.status')).t;
    await first.closeAsync();
    first.close();

    const app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    try {
      await app.services.trading.ready;
      // Not loaded at once: the compile runs in slices after the app exists.
      expect((await call<ReplayStatus>(app, 'replay.status')).scenario).toBeNull();
      await until(async () => (await call<ReplayStatus>(app, 'replay.status')).scenario !== null);
      const status = await call<ReplayStatus>(app, 'replay.status');
      expect(status.scenario?.name).toBe('long');
      expect(status.t).toBe(stoppedAt);
    } finally {
      app.close();
    }
  });

  it('leaves a scenario picked while it compiles in place', async () => {
    const dir = tempDir();
    const first = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    await call(first, 'replay.load', { source: { kind: 'inline', json: scenario('long', 3) } });
    await call(first, 'replay.step', { ticks: 5 });
    await first.closeAsync();
    first.close();

    const app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    try {
      await app.services.trading.ready;
      await call(app, 'replay.load', { source: { kind: 'inline', json: scenario('picked', 9) } });
      // Give the resume every chance to finish, then check it did not replace the pick.
      for (let i = 0; i < 30; i++) await new Promise((r) => setImmediate(r));
      await new Promise((r) => setTimeout(r, 100));
      expect((await call<ReplayStatus>(app, 'replay.status')).scenario?.name).toBe('picked');
    } finally {
      app.close();
    }
  });
});
