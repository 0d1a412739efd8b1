import { describe, expect, it } from 'vitest';
import { createApp } from '#main/app/create-app';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const SCENARIO = JSON.stringify({
  name: 'gbm, 20x isolated account',
  symbol: 'BTCUSDT',
  start: '2024-01-01T00:00:00Z',
  durationMinutes: 120,
  seed: 5,
  market: { type: 'gbm', startPrice: '42000', volatility: 0.5 },
  account: { deposit: '10000', leverage: 20, marginMode: 'isolated' },
});

async function call<T>(app: ReturnType<typeof createApp>, channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('trading.symbolSettings', () => {
  it("answers the session's leverage and mode before any position, then what the trader set", async () => {
    const app = createApp({ shell: 'web', dataDir: tempDir(), validate: true, defaultData: false });
    try {
      await call(app, 'replay.load', { source: { kind: 'inline', json: SCENARIO } });
      expect(await call(app, 'trading.symbolSettings', { symbol: 'BTCUSDT' })).toEqual({ symbol: 'BTCUSDT', leverage: 20, marginMode: 'isolated' });

      await call(app, 'trading.setLeverage', { symbol: 'BTCUSDT', leverage: 7 });
      await call(app, 'trading.setMarginMode', { symbol: 'BTCUSDT', mode: 'cross' });
      expect(await call(app, 'trading.symbolSettings', { symbol: 'BTCUSDT' })).toEqual({ symbol: 'BTCUSDT', leverage: 7, marginMode: 'cross' });

      // A symbol without a setting reads the session's defaults; a refused change leaves it as it was.
      expect(await call(app, 'trading.symbolSettings', { symbol: 'ETHUSDT' })).toMatchObject({ leverage: 20, marginMode: 'isolated' });
      const refused = await app.dispatch('trading.setLeverage', { symbol: 'BTCUSDT', leverage: 0 });
      expect(refused.ok).toBe(false);
      expect(await call(app, 'trading.symbolSettings', { symbol: 'BTCUSDT' })).toMatchObject({ leverage: 7 });
    } finally {
      app.close();
    }
  });
});
