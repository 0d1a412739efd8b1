import { describe, expect, it } from 'vitest';
import { conservationResidual } from '#main/engine/state/ledger-check';
import { effectsOf, mustApply, order, startedEngine, tick, T0 } from './engine/helpers';

const q = (s: string) => s as never;
const thin = { depthScale: 0.0001, spreadBps: 1 };

/**
 * A stop-market order is checked for margin when it fires (docs/engine.md). The check must price
 * the walk the order is about to make: before the fix it used the best quote, so a large stop
 * into a thin book passed, then walked ~5% up the book and paid initial margin and fees the
 * wallet did not hold (an isolated wallet of 10,000 ended at -50).
 */
describe('margin check of a fired market-type order', () => {
  it('expires a stop whose walk through a thin book costs more than the wallet holds, and fills nothing', () => {
    const e = startedEngine('100000', { deposit: '10000', leverage: 10 });
    expect(order(e, { side: 'buy', type: 'stopMarket', quantity: q('0.97'), triggerPrice: q('101000') }).ok).toBe(true);
    const effects = mustApply(e, { kind: 'tick', tick: tick(T0 + 60_000, '101000', { liquidity: thin }) });
    expect(effectsOf(effects, 'fill')).toHaveLength(0);
    const done = effectsOf(effects, 'order').map((o) => o.order).find((o) => o.type === 'stopMarket');
    expect(done?.status).toBe('expired');
    expect(done?.reason).toBe('marginInsufficient');
    const me = e.readState.accounts.get('me')!;
    expect(me.wallet.toFixed()).toBe('10000');
    expect(me.positions.size).toBe(0);
  });

  it('fills the same stop when the book is deep enough, and the wallet stays non-negative', () => {
    const e = startedEngine('100000', { deposit: '10000', leverage: 10 });
    expect(order(e, { side: 'buy', type: 'stopMarket', quantity: q('0.97'), triggerPrice: q('101000') }).ok).toBe(true);
    const effects = mustApply(e, { kind: 'tick', tick: tick(T0 + 60_000, '101000') });
    expect(effectsOf(effects, 'fill').length).toBeGreaterThan(0);
    const me = e.readState.accounts.get('me')!;
    expect(me.positions.get('BTCUSDT')?.qty.toFixed()).toBe('0.97');
    expect(me.wallet.gte(0)).toBe(true);
    expect(conservationResidual(e.readState).toFixed()).toBe('0');
  });

  it('refuses a market order whose walk is unaffordable, with the price the walk would pay', () => {
    const e = startedEngine('100000', { deposit: '10000', leverage: 10 });
    mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '100000', { liquidity: thin }) });
    const r = order(e, { side: 'buy', type: 'market', quantity: q('0.97') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rejection.code).toBe('insufficientMargin');
    expect(e.readState.accounts.get('me')!.wallet.toFixed()).toBe('10000');
  });

  it('prices the opening part of a flip on the book the closing part displaced', () => {
    // Long 0.5, then a stop sells 1.4: it closes 0.5 and opens a 0.9 short at the far end of the walk.
    const e = startedEngine('100000', { deposit: '10000', leverage: 10 });
    expect(order(e, { side: 'buy', type: 'market', quantity: q('0.5') }).ok).toBe(true);
    expect(order(e, { side: 'sell', type: 'stopMarket', quantity: q('1.4'), triggerPrice: q('99500') }).ok).toBe(true);
    const effects = mustApply(e, { kind: 'tick', tick: tick(T0 + 60_000, '99500', { liquidity: thin }) });
    const me = e.readState.accounts.get('me')!;
    expect(me.wallet.gte(0), `wallet ${me.wallet.toFixed()}`).toBe(true);
    const done = effectsOf(effects, 'order').map((o) => o.order).find((o) => o.type === 'stopMarket');
    expect(done?.reason).toBe('marginInsufficient');
    expect(me.positions.get('BTCUSDT')?.side).toBe('long');
  });
});
