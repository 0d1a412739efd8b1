import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { command, effectsOf, mustApply, order, startedEngine, tick, T0 } from './helpers';

const q = (s: string) => s as never;

describe('orders through the modeled book', () => {
  it('opens an isolated long at the ask with the taker fee and initial margin out of the wallet', () => {
    const e = startedEngine();
    const r = order(e, { side: 'buy', type: 'market', quantity: q('0.1') });
    expect(r.ok).toBe(true);
    const fills = effectsOf(r.ok ? r.effects : [], 'fill');
    expect(fills).toHaveLength(1);
    expect(fills[0]!.fill.price).toBe('100005'); // mid 100000, half of a 1 bp spread, on the 0.1 tick
    expect(fills[0]!.fill.fee).toBe('5.00025'); // 0.05% taker
    const me = e.readState.accounts.get('me')!;
    const pos = me.positions.get('BTCUSDT')!;
    expect(pos.margin.toFixed()).toBe('1000.05'); // 10x
    expect(me.wallet.toFixed()).toBe('8994.94975');
    expect(e.readState.fees.toFixed()).toBe('5.00025');
    expect(e.readState.markets.get('BTCUSDT')!.openInterest.toFixed()).toBe('0.1');
  });

  it('charges slippage that grows with size through a thin book, and the book recovers', () => {
    const e = startedEngine('100000', { deposit: '10000000', leverage: 5 });
    mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '100000', { liquidity: { depthScale: 0.01, spreadBps: 1 } }) });
    const r = order(e, { side: 'sell', type: 'market', quantity: q('50') });
    const fills = effectsOf(r.ok ? r.effects : [], 'fill');
    expect(fills.length).toBeGreaterThan(1);
    const worst = Math.min(...fills.map((f) => Number(f.fill.price)));
    expect(worst).toBeLessThan(99_000); // 1% of a 1%-scale book holds ~27 BTC
    const m = e.readState.markets.get('BTCUSDT')!;
    expect(m.lastF).toBeLessThan(99_000);
    // 25 minutes later (25 half-lives) the displacement has decayed away.
    mustApply(e, { kind: 'tick', tick: tick(T0 + 1_501_000, '100000') });
    expect(m.lastF).toBe(100000);
  });

  it('refuses bad orders with the reason and changes nothing', () => {
    const e = startedEngine();
    const before = e.stateHash();
    const cases: Array<[Parameters<typeof order>[1], string]> = [
      [{ side: 'buy', type: 'limit', quantity: q('0.1'), price: q('99999.95') }, 'tickSize'],
      [{ side: 'buy', type: 'market', quantity: q('0.0015') }, 'step'],
      [{ side: 'buy', type: 'market', quantity: q('0.0009') }, 'step'],
      [{ side: 'buy', type: 'limit', quantity: q('0.001'), price: q('90000') }, 'minNotional'],
      [{ side: 'buy', type: 'limit', quantity: q('0.1'), price: q('106000') }, 'priceBand'],
      [{ side: 'buy', type: 'market', quantity: q('2') }, 'insufficientMargin'],
      [{ side: 'sell', type: 'market', quantity: q('0.1'), reduceOnly: true }, 'reduceOnlyNoPosition'],
      [{ side: 'sell', type: 'stopMarket', quantity: q('0.1'), triggerPrice: q('100500') }, 'wouldTriggerImmediately'],
      [{ side: 'buy', type: 'limit', quantity: q('0.1'), price: q('100010'), timeInForce: 'postOnly' }, 'postOnlyWouldTake'],
      [{ side: 'buy', type: 'limit', quantity: q('0.1'), price: q('99000'), timeInForce: 'FOK' }, 'fokUnfilled'],
      [{ side: 'buy', type: 'market', quantity: q('0.1'), price: q('100000') }, 'unexpectedField'],
      [{ side: 'buy', type: 'stopMarket', quantity: q('0.1') }, 'missingField'],
      [{ side: 'buy', type: 'market', quantity: q('0.1'), attached: { stopLoss: { triggerPrice: q('101000') } } }, 'stopWrongSide'],
      [{ side: 'buy', type: 'trailingStop', quantity: q('0.1'), callbackRate: q('0.2') }, 'callbackRate'],
    ];
    for (const [o, code] of cases) {
      const r = order(e, o);
      expect(r.ok, code).toBe(false);
      if (!r.ok) expect(r.rejection.code).toBe(code);
      if (!r.ok) expect(r.rejection.message.length).toBeGreaterThan(10);
      expect(e.stateHash()).toBe(before);
    }
    const cancel = command(e, { type: 'cancelOrder', orderId: 999 });
    expect(cancel.ok ? '' : cancel.rejection.code).toBe('orderNotFound');
  });

  it('refuses a size beyond what the leverage bracket allows', () => {
    const e = startedEngine('100000', { deposit: '10000000', leverage: 100 });
    // 100x is allowed up to 600,000 notional on BTCUSDT (tier 2).
    const r = order(e, { side: 'buy', type: 'market', quantity: q('7') });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.rejection.code).toBe('leverageAboveBracket');
      expect(r.rejection.message).toContain('600000');
    }
  });

  it('rests a limit, keeps it when the price only touches, fills it as maker when the market trades through', () => {
    const e = startedEngine();
    const r = order(e, { side: 'buy', type: 'limit', quantity: q('0.1'), price: q('99000') });
    expect(r.ok).toBe(true);
    const me = e.readState.accounts.get('me')!;
    expect(me.orders.size).toBe(1);
    mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '99000') });
    expect(me.orders.size).toBe(1);
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 2000, '98990') });
    const fill = effectsOf(fx, 'fill')[0]!.fill;
    expect(fill).toMatchObject({ price: '99000', liquidity: 'maker', fee: '1.98' }); // 0.02% of 9,900
    expect(me.orders.size).toBe(0);
    expect(me.positions.get('BTCUSDT')!.qty.toFixed()).toBe('0.1');
  });

  it('expires the rest of an IOC limit and takes what crosses', () => {
    const e = startedEngine('100000', { deposit: '1000000', leverage: 5 });
    mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '100000', { liquidity: { depthScale: 0.001, spreadBps: 1 } }) });
    const r = order(e, { side: 'buy', type: 'limit', quantity: q('20'), price: q('100100'), timeInForce: 'IOC' });
    const orders = effectsOf(r.ok ? r.effects : [], 'order');
    const last = orders.at(-1)!.order;
    expect(last.status).toBe('expired');
    expect(last.reason).toBe('iocRemainder');
    expect(new Dec(last.filledQuantity).gt(0)).toBe(true);
    expect(new Dec(last.filledQuantity).lt(20)).toBe(true);
    for (const f of effectsOf(r.ok ? r.effects : [], 'fill')) expect(new Dec(f.fill.price).lte(100100)).toBe(true);
  });

  it('fires a stop on the mark, a stop-limit that then rests, and a take-profit', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 5 });
    expect(order(e, { side: 'buy', type: 'market', quantity: q('0.5') }).ok).toBe(true);
    expect(order(e, { side: 'sell', type: 'stopMarket', quantity: q('0.1'), triggerPrice: q('98000'), reduceOnly: true }).ok).toBe(true);
    expect(order(e, { side: 'sell', type: 'stopLimit', quantity: q('0.1'), triggerPrice: q('97000'), price: q('97500'), reduceOnly: true }).ok).toBe(true);
    expect(order(e, { side: 'sell', type: 'takeProfitMarket', quantity: q('0.1'), triggerPrice: q('103000'), reduceOnly: true }).ok).toBe(true);
    // The last trades down to 97,900 but the mark holds at 98,100: the mark-stop waits.
    let fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '97900', { mark: '98100' }) });
    expect(effectsOf(fx, 'triggered')).toHaveLength(0);
    fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 2000, '97950', { mark: '97990' }) });
    expect(effectsOf(fx, 'triggered').map((x) => x.orderId)).toEqual([2]);
    // The stop-limit fires at 97,000 and rests at 97,500 above the market? No: its sell limit is
    // marketable (bid ~96,995 < 97,500 is not), so it rests until the market trades through.
    fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 3000, '96990') });
    const sl = effectsOf(fx, 'order').find((o) => o.order.id === 3)!.order;
    expect(sl.status).toBe('open');
    fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 4000, '97600') });
    expect(effectsOf(fx, 'fill').map((f) => f.fill.price)).toEqual(['97500']);
    fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 5000, '103100') });
    expect(effectsOf(fx, 'triggered').map((x) => x.orderId)).toEqual([4]);
    expect(e.readState.accounts.get('me')!.positions.get('BTCUSDT')!.qty.toFixed()).toBe('0.2');
  });

  it('trails: a sell trailing stop follows the high and fires a callback below it', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 5 });
    order(e, { side: 'buy', type: 'market', quantity: q('0.2') });
    expect(order(e, { side: 'sell', type: 'trailingStop', quantity: q('0.2'), callbackRate: q('0.01'), reduceOnly: true, activationPrice: q('101000') }).ok).toBe(true);
    const o = e.readState.accounts.get('me')!.orders.get(2)!;
    expect(o.trailingExtreme).toBeNull();
    mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '99000') }); // 1% down but not yet active
    expect(e.readState.accounts.get('me')!.orders.has(2)).toBe(true);
    mustApply(e, { kind: 'tick', tick: tick(T0 + 2000, '110000') });
    expect(o.trigger!.toFixed()).toBe('108900');
    mustApply(e, { kind: 'tick', tick: tick(T0 + 3000, '109000') });
    expect(e.readState.accounts.get('me')!.orders.has(2)).toBe(true);
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 4000, '108800') });
    expect(effectsOf(fx, 'triggered')).toHaveLength(1);
    expect(e.readState.accounts.get('me')!.positions.has('BTCUSDT')).toBe(false);
  });

  it('attaches a hard stop and a take-profit ladder that scale out; the stop follows the position', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 5 });
    const r = order(e, {
      side: 'buy',
      type: 'market',
      quantity: q('1'),
      attached: {
        stopLoss: { triggerPrice: q('97000') },
        takeProfits: [
          { triggerPrice: q('102000'), fraction: 0.5 },
          { triggerPrice: q('104000'), fraction: 0.5, price: q('103900') },
        ],
      },
    });
    expect(r.ok).toBe(true);
    const me = e.readState.accounts.get('me')!;
    const byRole = () => [...me.orders.values()].map((o) => `${o.role}:${o.type}:${o.qty.toFixed()}`).sort();
    expect(byRole()).toEqual(['stopLoss:stopMarket:1', 'takeProfit:takeProfitLimit:0.5', 'takeProfit:takeProfitMarket:0.5']);
    mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '102100') });
    expect(me.positions.get('BTCUSDT')!.qty.toFixed()).toBe('0.5');
    expect(byRole()).toEqual(['stopLoss:stopMarket:0.5', 'takeProfit:takeProfitLimit:0.5']);
    mustApply(e, { kind: 'tick', tick: tick(T0 + 2000, '104100') }); // fires; the limit rests at 103,900 below the market: it takes
    expect(me.positions.has('BTCUSDT')).toBe(false);
    expect(me.orders.size).toBe(0); // the stop was canceled with the position
  });

  it('amends and cancels live orders, and market-closes a position', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 5 });
    order(e, { side: 'buy', type: 'limit', quantity: q('0.1'), price: q('99000') });
    expect(command(e, { type: 'amendOrder', amend: { orderId: 1, price: q('99500'), quantity: q('0.2') } }).ok).toBe(true);
    const o = e.readState.accounts.get('me')!.orders.get(1)!;
    expect([o.price!.toFixed(), o.qty.toFixed()]).toEqual(['99500', '0.2']);
    const bad = command(e, { type: 'amendOrder', amend: { orderId: 1, price: q('100100') } });
    expect(bad.ok ? '' : bad.rejection.code).toBe('amendWouldTake');
    expect(command(e, { type: 'cancelOrder', orderId: 1 }).ok).toBe(true);
    expect(e.readState.accounts.get('me')!.orders.size).toBe(0);
    order(e, { side: 'sell', type: 'market', quantity: q('0.3') });
    expect(command(e, { type: 'closePosition', symbol: 'BTCUSDT' }).ok).toBe(true);
    expect(e.readState.accounts.get('me')!.positions.size).toBe(0);
  });
});
