import type { APIRequestContext } from '@playwright/test';

/**
 * Test setup through the web host's RPC (the same channels the renderer uses): saving a scenario
 * the test needs. What the tests check is then done through the UI.
 */
export async function rpc<T>(request: APIRequestContext, host: { origin: string; token: string }, channel: string, input: unknown): Promise<T> {
  const res = await request.post(`${host.origin}/api/rpc/${encodeURIComponent(channel)}`, {
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    data: input,
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value as T;
}

/** A flash crash with a crowd, a thin book and a small insurance fund: cascades, liquidations, ADL. */
export function crashScenario(opts: { id: string; traders: number; leverage?: number }): string {
  return JSON.stringify({
    name: `Crash with ${opts.traders} traders`,
    description: 'e2e: an 18% flash crash through a thin book, with a leveraged crowd',
    symbol: 'BTCUSDT',
    start: '2024-03-01T00:00:00Z',
    durationMinutes: 240,
    seed: 42,
    market: {
      type: 'flash-crash',
      startPrice: '60000',
      volatility: 0.4,
      crashAtMinute: 30,
      crashMinutes: 15,
      dropPct: 0.18,
      reboundShare: 0.5,
      reboundMinutes: 45,
      gap: { depthScale: 0.05, spreadBps: 40, extraMinutes: 10 },
    },
    funding: { source: 'model' },
    account: { deposit: '10000', leverage: opts.leverage ?? 20, insuranceFund: '50000', bookDepthScale: 0.05 },
    crowd: {
      seed: 7,
      traders: opts.traders,
      longShare: 0.7,
      leverage: [
        { leverage: 10, weight: 2 },
        { leverage: 25, weight: 2 },
        { leverage: 50, weight: 1 },
        { leverage: 100, weight: 1 },
      ],
      notional: { median: 8000, logSigma: 1 },
      crossShare: 0.3,
      stops: { share: 0.3, minDistance: 0.01, maxDistance: 0.05 },
      entryWindowHours: 0,
    },
  });
}

/** A quiet 24 hours (GBM, 80%/yr) with a large leveraged crowd: the steady state at scale. */
export function crowdScenario(opts: { traders: number }): string {
  return JSON.stringify({
    name: `Quiet day with ${opts.traders} traders`,
    description: 'a GBM day with a large crowd: open interest, liquidation levels and ADL ranks at scale',
    symbol: 'BTCUSDT',
    start: '2024-01-01T00:00:00Z',
    durationMinutes: 1440,
    seed: 11,
    market: { type: 'gbm', startPrice: '42000', volatility: 0.8 },
    funding: { source: 'model' },
    account: { deposit: '10000', leverage: 10, insuranceFund: '5000000' },
    crowd: {
      seed: 3,
      traders: opts.traders,
      longShare: 0.55,
      leverage: [
        { leverage: 5, weight: 2 },
        { leverage: 10, weight: 3 },
        { leverage: 25, weight: 2 },
        { leverage: 50, weight: 1 },
      ],
      notional: { median: 5000, logSigma: 1 },
      crossShare: 0.3,
      stops: { share: 0.3, minDistance: 0.01, maxDistance: 0.05 },
      entryWindowHours: 0,
    },
  });
}

export async function saveScenario(request: APIRequestContext, host: { origin: string; token: string }, id: string, json: string): Promise<void> {
  await rpc(request, host, 'market.saveScenario', { id, json });
}
