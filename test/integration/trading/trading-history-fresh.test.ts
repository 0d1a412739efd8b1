import { describe, expect, it } from 'vitest';
import { createApp } from '#main/app/create-app';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
/** A crash through a thin book with a leveraged crowd: hundreds of liquidations in a few minutes. */
const CRASH = JSON.stringify({
  name: 'crash with a crowd',
  symbol: 'BTCUSDT',
  start: '2024-03-01T00:00:00Z',
  durationMinutes: 120,
  seed: 42,
  market: { type: 'flash-crash', startPrice: '60000', volatility: 0.4, crashAtMinute: 30, crashMinutes: 15, dropPct: 0.18, gap: { depthScale: 0.05, spreadBps: 40 } },
  account: { deposit: '10000', leverage: 20, insuranceFund: '50000', bookDepthScale: 0.05 },
  crowd: { seed: 7, traders: 800, longShare: 0.7, leverage: [{ leverage: 25, weight: 1 }, { leverage: 100, weight: 1 }], notional: { median: 8000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0, minDistance: 0.01, maxDistance: 0.05 }, entryWindowHours: 0 },
});

async function call<T>(app: ReturnType<typeof createApp>, channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('trading history reads', () => {
  it('see every event the engine applied, though market events are group-committed', async () => {
    const app = createApp({ shell: 'web', dataDir: tempDir(), validate: true, defaultData: false });
    try {
      await call(app, 'replay.load', { source: { kind: 'inline', json: CRASH } });
      await call(app, 'replay.seek', { t: Date.parse('2024-03-01T00:50:00Z') });
      // Far fewer than a group (2,000 events) have been applied since the last commit.
      const all = await call<{ total: number; rows: { id: number }[] }>(app, 'trading.liquidations', { scope: 'all', limit: 5 });
      expect(all.total).toBeGreaterThan(0);
      const fund = await call<{ balance: string; history: { total: number; rows: { balance: string }[] } }>(app, 'trading.insurance', { limit: 1 });
      expect(fund.history.total).toBeGreaterThan(1);
      // The newest history row is the live balance: the table and the fund agree.
      expect(fund.history.rows[0]!.balance).toBe(fund.balance);
      const one = await call<{ id: number }>(app, 'trading.liquidation', { id: all.rows[0]!.id });
      expect(one.id).toBe(all.rows[0]!.id);
    } finally {
      app.close();
    }
  }, 60_000);

  it('explain a funding payment that is still in the uncommitted tail', async () => {
    const app = createApp({ shell: 'web', dataDir: tempDir(), validate: true, defaultData: false });
    try {
      const gbm = JSON.stringify({ name: 'gbm', symbol: 'BTCUSDT', start: '2024-01-01T00:00:00Z', durationMinutes: 720, seed: 3, market: { type: 'gbm', startPrice: '42000', volatility: 0.5 }, funding: { source: 'model' } });
      await call(app, 'replay.load', { source: { kind: 'inline', json: gbm } });
      await call(app, 'replay.step', { ticks: 2 });
      await call(app, 'trading.placeOrder', { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.1' });
      await call(app, 'replay.seek', { t: Date.parse('2024-01-01T08:05:00Z') });
      const payments = await call<{ rows: { id: number; amount: string }[] }>(app, 'trading.funding', {});
      expect(payments.rows).toHaveLength(1);
      const id = payments.rows[0]!.id;
      // Rewind and replay: the same payment (same id, the engine is deterministic) is back in
      // the log's uncommitted tail, and nothing but the explanation reads it.
      await call(app, 'replay.seek', { t: Date.parse('2024-01-01T00:10:00Z') });
      await call(app, 'replay.seek', { t: Date.parse('2024-01-01T08:05:00Z') });
      const explained = await call<{ kind: string; inputs: { name: string; value: string }[] }>(app, 'trading.explain', { kind: 'funding', paymentId: id });
      expect(explained.kind).toBe('funding');
    } finally {
      app.close();
    }
  }, 60_000);
});
