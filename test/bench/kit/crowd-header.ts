import type { EngineEvent } from '#shared/domain/trading-commands';
import { EngineSetupSchema } from '#shared/domain/trading-commands';

/**
 * The engine benches' session header: one BTCUSDT market, the trader with 10,000, a 100M fund,
 * and a crowd of `traders` (2-20x, 30% cross, 30% with stops 5-20% away, all arriving at once).
 */
export function benchCrowdHeader(traders: number, t0: number): EngineEvent[] {
  return [
    {
      kind: 'setup',
      t: t0,
      setup: EngineSetupSchema.parse({
        markets: [{ symbol: 'BTCUSDT', profile: 'binance-usdm', depthScale: 1 }],
        insuranceFund: '100000000',
        accounts: [{ id: 'me', deposit: '10000', settings: [{ symbol: 'BTCUSDT', leverage: 10, mode: 'isolated' }] }],
      }),
    },
    {
      kind: 'crowd',
      t: t0,
      symbol: 'BTCUSDT',
      params: {
        seed: 1,
        traders,
        longShare: 0.5,
        leverage: [
          { leverage: 2, weight: 1 },
          { leverage: 5, weight: 2 },
          { leverage: 10, weight: 2 },
          { leverage: 20, weight: 1 },
        ],
        notional: { median: 10_000, logSigma: 1 },
        crossShare: 0.3,
        stops: { share: 0.3, minDistance: 0.05, maxDistance: 0.2 },
        entryWindowHours: 0,
      },
    },
  ];
}
