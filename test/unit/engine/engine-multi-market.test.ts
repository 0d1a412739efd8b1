import { describe, expect, it } from 'vitest';
import type { MarketTick } from '#shared/domain/market-tick';
import { EngineSetupSchema } from '#shared/domain/trading-commands';
import { Engine } from '#main/engine/engine';
import { conservationResidual } from '#main/engine/state/ledger-check';
import { T0, effectsOf, mustApply } from './helpers';

const tick = (t: number, symbol: string, last: string): MarketTick => ({
  t,
  symbol,
  last: last as MarketTick['last'],
  index: last as MarketTick['last'],
  mark: last as MarketTick['last'],
  liquidity: { depthScale: 1, spreadBps: 1 },
});

describe('a cross account across two markets', () => {
  it('is checked on every tick of either market and liquidated as a whole when the shared margin runs out', () => {
    const e = new Engine();
    mustApply(e, {
      kind: 'setup',
      t: T0,
      setup: EngineSetupSchema.parse({
        markets: [
          { symbol: 'BTCUSDT', profile: 'binance-usdm' },
          { symbol: 'ETHUSDT', profile: 'binance-usdm' },
        ],
        insuranceFund: '1000000',
        accounts: [{ id: 'me', deposit: '3000', settings: [{ symbol: 'BTCUSDT', leverage: 20, mode: 'cross' }, { symbol: 'ETHUSDT', leverage: 20, mode: 'cross' }] }],
      }),
    });
    mustApply(e, { kind: 'tick', tick: tick(T0, 'BTCUSDT', '100000') });
    mustApply(e, { kind: 'tick', tick: tick(T0, 'ETHUSDT', '4000') });
    const buy = (symbol: string, quantity: string) =>
      e.apply({ kind: 'command', t: T0, account: 'me', command: { type: 'placeOrder', order: { symbol, side: 'buy', type: 'market', quantity: quantity as never } } });
    expect(buy('BTCUSDT', '0.3').ok).toBe(true);
    expect(buy('ETHUSDT', '5').ok).toBe(true);
    expect(e.indexes.liq.isMultiCross('me')).toBe(true);
    // At 3,450 the margin balance (~222.5) still covers maintenance (~189): nothing happens.
    expect(effectsOf(mustApply(e, { kind: 'tick', tick: tick(T0 + 500, 'ETHUSDT', '3450') }), 'liquidation')).toHaveLength(0);
    // ETH alone falls 14.5%: the 5 ETH lose ~2,900 of the ~2,975 shared margin, below the ~190
    // both positions need for maintenance; BTC has not moved, yet it goes with the account.
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, 'ETHUSDT', '3420') });
    const liqs = effectsOf(fx, 'liquidation').map((x) => x.liquidation);
    expect(liqs.map((l) => l.symbol).sort()).toEqual(['BTCUSDT', 'ETHUSDT']);
    const me = e.readState.accounts.get('me')!;
    expect(me.positions.size).toBe(0);
    expect(me.wallet.gte(0)).toBe(true);
    expect(conservationResidual(e.readState).isZero()).toBe(true);
  });

  it('keeps the two markets books apart: an ETH trade does not move BTC', () => {
    const e = new Engine();
    mustApply(e, {
      kind: 'setup',
      t: T0,
      setup: EngineSetupSchema.parse({
        markets: [
          { symbol: 'BTCUSDT', profile: 'binance-usdm', depthScale: 0.001 },
          { symbol: 'ETHUSDT', profile: 'binance-usdm', depthScale: 0.001 },
        ],
        insuranceFund: '0',
        accounts: [{ id: 'me', deposit: '1000000', settings: [{ symbol: 'ETHUSDT', leverage: 5, mode: 'isolated' }] }],
      }),
    });
    mustApply(e, { kind: 'tick', tick: tick(T0, 'BTCUSDT', '100000') });
    mustApply(e, { kind: 'tick', tick: tick(T0, 'ETHUSDT', '4000') });
    expect(e.apply({ kind: 'command', t: T0, account: 'me', command: { type: 'placeOrder', order: { symbol: 'ETHUSDT', side: 'sell', type: 'market', quantity: '100' as never } } }).ok).toBe(true);
    expect(e.readState.markets.get('ETHUSDT')!.lastF).toBeLessThan(4000);
    expect(e.readState.markets.get('BTCUSDT')!.lastF).toBe(100000);
  });
});
