import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { Engine } from '#main/engine/engine';

const T = 1_760_126_400_000;

/**
 * Found by the engine-invariants property (seed 1793118219): a thin book pushed up by another
 * account's market buy, then a sell limit below the pushed bids. The limit fills at the book's
 * far better prices, so the short it opens is worth much more than the limit says; checked at the
 * limit alone it was accepted and left the wallet at -0.88.
 */
function pushedBook(): Engine {
  const e = new Engine();
  const events: EngineEvent[] = [
    {
      kind: 'setup',
      t: T,
      setup: {
        markets: [{ symbol: 'BTCUSDT', profile: 'binance-usdm', depthScale: 0.05, impactHalfLifeSec: 60 }],
        insuranceFund: '5000',
        accounts: [
          { id: 'me', deposit: '4950', settings: [{ symbol: 'BTCUSDT', leverage: 3, mode: 'isolated' }] },
          { id: 'a3', deposit: '64115', settings: [{ symbol: 'BTCUSDT', leverage: 5, mode: 'isolated' }] },
        ],
        defaults: { leverage: 10, mode: 'isolated' },
      },
    } as EngineEvent,
    { kind: 'tick', tick: { t: T, symbol: 'BTCUSDT', last: '100000', index: '100030', mark: '100009.99', liquidity: { depthScale: 0.0005, spreadBps: 0 } } } as EngineEvent,
    { kind: 'command', t: T, account: 'a3', command: { type: 'placeOrder', order: { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '2' } } } as EngineEvent,
  ];
  for (const ev of events) {
    const r = e.apply(ev);
    if (!r.ok) throw new Error(r.rejection.message);
  }
  return e;
}

const sellLimit = (quantity: string): EngineEvent =>
  ({ kind: 'command', t: T, account: 'me', command: { type: 'placeOrder', order: { symbol: 'BTCUSDT', side: 'sell', type: 'limit', quantity, price: '100000', timeInForce: 'GTC' } } }) as EngineEvent;

describe('a marketable limit order is priced by the walk it will make', () => {
  it('refuses the part that crosses the book when its fills cost more than the wallet, changing nothing', () => {
    const e = pushedBook();
    const before = e.stateHash();
    const r = e.apply(sellLimit('0.1'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rejection.code).toBe('insufficientMargin');
    expect(e.stateHash()).toBe(before);
  });

  it('accepts what the wallet covers at those prices, and the wallet stays non-negative', () => {
    const e = pushedBook();
    const r = e.apply(sellLimit('0.05'));
    expect(r.ok).toBe(true);
    const me = e.readState.accounts.get('me')!;
    expect(me.positions.get('BTCUSDT')?.side).toBe('short');
    expect(me.wallet.gte(0)).toBe(true);
  });
});
