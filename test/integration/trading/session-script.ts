import type { EngineEvent } from '#shared/domain/trading-commands';
import { EngineSetupSchema } from '#shared/domain/trading-commands';
import type { MarketTick } from '#shared/domain/market-tick';

export const SESSION_T0 = Date.UTC(2025, 9, 10, 20, 0, 0);

/**
 * A deterministic session: setup, a crowd, a random-walk market with a crash, funding every
 * 8 hours of market time, and the trader's orders every few ticks. Plain arithmetic (a seeded
 * LCG), so tests and child processes build the same events.
 */
export function scriptedSession(ticks: number, seed = 1): EngineEvent[] {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out: EngineEvent[] = [
    {
      kind: 'setup',
      t: SESSION_T0,
      setup: EngineSetupSchema.parse({
        markets: [{ symbol: 'BTCUSDT', profile: 'binance-usdm', depthScale: 0.02 }],
        insuranceFund: '20000',
        accounts: [{ id: 'me', deposit: '50000', settings: [{ symbol: 'BTCUSDT', leverage: 20, mode: 'isolated' }] }],
      }),
    },
    {
      kind: 'crowd',
      t: SESSION_T0,
      symbol: 'BTCUSDT',
      params: { seed: 5, traders: 200, longShare: 0.6, leverage: [{ leverage: 20, weight: 2 }, { leverage: 75, weight: 1 }], notional: { median: 20000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.3, minDistance: 0.01, maxDistance: 0.04 }, entryWindowHours: 0.2 },
    },
  ];
  let price = 100000;
  let t = SESSION_T0;
  for (let i = 0; i < ticks; i++) {
    t += 5000;
    const crash = i > ticks * 0.5 && i < ticks * 0.55;
    price = Math.max(1000, price * (1 + (rnd() - 0.5) * 0.004 - (crash ? 0.006 : 0)));
    const last = (Math.round(price * 10) / 10).toFixed(1);
    const tick: MarketTick = { t, symbol: 'BTCUSDT', last: last as MarketTick['last'], index: last as MarketTick['index'], mark: last as MarketTick['mark'], liquidity: { depthScale: crash ? 0.2 : 1, spreadBps: 1 } };
    out.push({ kind: 'tick', tick });
    if (i % 97 === 96) out.push({ kind: 'funding', funding: { t, symbol: 'BTCUSDT', rate: '0.0001' as never, intervalHours: 8, source: 'model' } });
    if (i % 13 === 5) {
      const side = rnd() < 0.5 ? 'buy' : 'sell';
      const r = rnd();
      const order =
        r < 0.5
          ? { symbol: 'BTCUSDT', side, type: 'market', quantity: '0.05' }
          : r < 0.8
            ? { symbol: 'BTCUSDT', side, type: 'limit', quantity: '0.05', price: (Math.round(price * (side === 'buy' ? 0.998 : 1.002) * 10) / 10).toFixed(1) }
            : { symbol: 'BTCUSDT', side: side === 'buy' ? 'sell' : 'buy', type: 'closePosition' };
      if (order.type === 'closePosition') out.push({ kind: 'command', t, account: 'me', command: { type: 'closePosition', symbol: 'BTCUSDT' } });
      else out.push({ kind: 'command', t, account: 'me', command: { type: 'placeOrder', order: order as never } });
    }
  }
  return out;
}
