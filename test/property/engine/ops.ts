import fc from 'fast-check';
import type { MarketTick } from '#shared/domain/market-tick';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { EngineSetupSchema } from '#shared/domain/trading-commands';
import type { OrderRequest, OrderType } from '#shared/domain/trading-orders';
import { Dec, roundTo } from '#shared/money/decimal';
import type { Engine } from '#main/engine/engine';

const SYMBOL = 'BTCUSDT';
const ACCOUNTS = ['me', 'a2', 'a3'] as const;
const T0 = Date.UTC(2025, 9, 10, 20, 0, 0);
const QTYS = ['0.001', '0.01', '0.05', '0.1', '0.5', '2', '10'];

export type Op =
  | { k: 'tick'; dt: number; move: number; depth: number; spread: number; mark: 'same' | 'components' | 'wick' }
  | { k: 'funding'; rateBps: number }
  | { k: 'order'; acct: number; side: 'buy' | 'sell'; type: OrderType; qty: number; priceBps: number; trigBps: number; tif: number; reduceOnly: boolean; close: boolean; attach: boolean; source: 'mark' | 'last' }
  | { k: 'cancel'; acct: number; pick: number }
  | { k: 'cancelAll'; acct: number }
  | { k: 'deposit'; acct: number; amount: number }
  | { k: 'withdraw'; acct: number; amount: number }
  | { k: 'lev'; acct: number; lev: number }
  | { k: 'mode'; acct: number; cross: boolean }
  | { k: 'margin'; acct: number; amount: number }
  | { k: 'close'; acct: number }
  | { k: 'amend'; acct: number; pick: number; priceBps: number };

const acct = fc.integer({ min: 0, max: 2 });
export const OpArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ k: fc.constant('tick' as const), dt: fc.integer({ min: 0, max: 120 }), move: fc.oneof({ weight: 6, arbitrary: fc.double({ min: -0.01, max: 0.01, noNaN: true }) }, { weight: 1, arbitrary: fc.double({ min: -0.3, max: 0.2, noNaN: true }) }), depth: fc.constantFrom(1, 0.1, 0.01, 0.0005), spread: fc.constantFrom(0, 1, 10), mark: fc.constantFrom('same' as const, 'components' as const, 'wick' as const) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('funding' as const), rateBps: fc.integer({ min: -30, max: 30 }) }) },
  {
    weight: 8,
    arbitrary: fc.record({
      k: fc.constant('order' as const),
      acct,
      side: fc.constantFrom('buy' as const, 'sell' as const),
      type: fc.constantFrom<OrderType>('market', 'market', 'limit', 'limit', 'stopMarket', 'stopLimit', 'takeProfitMarket', 'takeProfitLimit', 'trailingStop'),
      qty: fc.integer({ min: 0, max: QTYS.length - 1 }),
      priceBps: fc.integer({ min: -300, max: 300 }),
      trigBps: fc.integer({ min: -500, max: 500 }),
      tif: fc.integer({ min: 0, max: 3 }),
      reduceOnly: fc.boolean(),
      close: fc.boolean(),
      attach: fc.boolean(),
      source: fc.constantFrom('mark' as const, 'last' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('cancel' as const), acct, pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('cancelAll' as const), acct }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('deposit' as const), acct, amount: fc.integer({ min: 1, max: 20000 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('withdraw' as const), acct, amount: fc.integer({ min: 1, max: 20000 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('lev' as const), acct, lev: fc.constantFrom(1, 3, 10, 25, 50, 100, 125) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('mode' as const), acct, cross: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('margin' as const), acct, amount: fc.integer({ min: -2000, max: 2000 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('close' as const), acct }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('amend' as const), acct, pick: fc.nat(), priceBps: fc.integer({ min: -300, max: 300 }) }) },
);

const TIFS = ['GTC', 'IOC', 'FOK', 'postOnly'] as const;
const px = (x: Dec): string => roundTo(x, '0.1').toFixed();

/** Turns an abstract op into a concrete event for the engine's current state (null: nothing to do). */
export function materialize(engine: Engine, op: Op, withCrowd: boolean, appliedCount: number): EngineEvent | null {
  const st = engine.readState;
  if (st.markets.size === 0) {
    return {
      kind: 'setup',
      t: T0,
      setup: EngineSetupSchema.parse({
        markets: [{ symbol: SYMBOL, profile: 'binance-usdm', depthScale: 0.05 }],
        insuranceFund: appliedCount % 2 === 0 ? '5000' : '0',
        accounts: ACCOUNTS.map((id, i) => ({ id, deposit: ['10000', '3000', '50000'][i], settings: [{ symbol: SYMBOL, leverage: [20, 50, 5][i], mode: i === 1 ? 'cross' : 'isolated' }] })),
      }),
    };
  }
  const m = st.markets.get(SYMBOL)!;
  const t = st.t;
  if (!m.tick) return { kind: 'tick', tick: mkTick(t, new Dec(100000), new Dec(100000), 'same', 1, 1) };
  if (withCrowd && !st.crowd) {
    return {
      kind: 'crowd',
      t,
      symbol: SYMBOL,
      params: { seed: 11, traders: 40, longShare: 0.5, leverage: [{ leverage: 10, weight: 1 }, { leverage: 50, weight: 1 }, { leverage: 125, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.4, stops: { share: 0.5, minDistance: 0.005, maxDistance: 0.05 }, entryWindowHours: 0.5 },
    };
  }
  const last = new Dec(m.tick.last);
  const account = ACCOUNTS['acct' in op ? op.acct : 0];
  const cmd = (command: Extract<EngineEvent, { kind: 'command' }>['command']): EngineEvent => ({ kind: 'command', t, account, command });
  switch (op.k) {
    case 'tick': {
      const next = Dec.max(new Dec(100), roundTo(last.mul(1 + op.move), '0.1'));
      return { kind: 'tick', tick: mkTick(t + op.dt * 1000, next, op.mark === 'wick' ? new Dec(m.tick.mark) : next, op.mark, op.depth, op.spread) };
    }
    case 'funding':
      return { kind: 'funding', funding: { t, symbol: SYMBOL, rate: new Dec(op.rateBps).div(10000).toFixed() as never, intervalHours: 8, source: 'model' } };
    case 'order': {
      const type = op.type;
      const o: Record<string, unknown> = { symbol: SYMBOL, side: op.side, type };
      const close = op.close && (type === 'stopMarket' || type === 'takeProfitMarket');
      if (close) o.closePosition = true;
      else o.quantity = QTYS[op.qty];
      if (type === 'limit' || type === 'stopLimit' || type === 'takeProfitLimit') o.price = px(last.mul(1 + op.priceBps / 10000));
      if (type !== 'market' && type !== 'limit' && type !== 'trailingStop') {
        o.triggerPrice = px(last.mul(1 + op.trigBps / 10000));
        o.triggerSource = op.source;
      }
      if (type === 'trailingStop') o.callbackRate = ['0.001', '0.01', '0.05'][op.tif % 3];
      if (type === 'limit' || type === 'stopLimit' || type === 'takeProfitLimit') o.timeInForce = type === 'limit' ? TIFS[op.tif] : TIFS[op.tif % 3];
      if (op.reduceOnly && !close) o.reduceOnly = true;
      if (op.attach && (type === 'market' || type === 'limit') && !op.reduceOnly) {
        const dir = op.side === 'buy' ? 1 : -1;
        o.attached = {
          stopLoss: { triggerPrice: px(last.mul(1 - dir * 0.03)) },
          takeProfits: [
            { triggerPrice: px(last.mul(1 + dir * 0.02)), fraction: 0.5 },
            { triggerPrice: px(last.mul(1 + dir * 0.05)), fraction: 0.5, price: px(last.mul(1 + dir * 0.049)) },
          ],
        };
      }
      return cmd({ type: 'placeOrder', order: o as OrderRequest });
    }
    case 'cancel': {
      const ids = [...(st.accounts.get(account)?.orders.keys() ?? [])].sort((a, b) => a - b);
      return cmd({ type: 'cancelOrder', orderId: ids.length ? ids[op.pick % ids.length]! : 1 + (op.pick % 50) });
    }
    case 'cancelAll':
      return cmd({ type: 'cancelAll', symbol: SYMBOL });
    case 'deposit':
      return cmd({ type: 'deposit', amount: String(op.amount) as never });
    case 'withdraw':
      return cmd({ type: 'withdraw', amount: String(op.amount) as never });
    case 'lev':
      return cmd({ type: 'setLeverage', symbol: SYMBOL, leverage: op.lev });
    case 'mode':
      return cmd({ type: 'setMarginMode', symbol: SYMBOL, mode: op.cross ? 'cross' : 'isolated' });
    case 'margin':
      return op.amount === 0 ? null : cmd({ type: 'adjustMargin', symbol: SYMBOL, amount: String(op.amount) as never });
    case 'close':
      return cmd({ type: 'closePosition', symbol: SYMBOL });
    case 'amend': {
      const orders = [...(st.accounts.get(account)?.orders.values() ?? [])].sort((a, b) => a.id - b.id);
      const o = orders.length ? orders[op.pick % orders.length]! : null;
      if (!o) return null;
      if (o.price) return cmd({ type: 'amendOrder', amend: { orderId: o.id, price: px(o.price.mul(1 + op.priceBps / 10000)) as never } });
      if (o.trigger && o.type !== 'trailingStop') return cmd({ type: 'amendOrder', amend: { orderId: o.id, triggerPrice: px(o.trigger.mul(1 + op.priceBps / 10000)) as never } });
      return null;
    }
    default: {
      const never: never = op;
      throw new Error(`unknown op ${String(never)}`);
    }
  }
}

function mkTick(t: number, last: Dec, markBase: Dec, mode: 'same' | 'components' | 'wick', depth: number, spread: number): MarketTick {
  const w = (d: Dec) => d.toFixed() as MarketTick['last'];
  const liquidity = { depthScale: depth, spreadBps: spread };
  if (mode === 'components') {
    const index = roundTo(last.mul('1.0003'), '0.01');
    const p1 = index;
    const p2 = roundTo(index.mul('0.9998'), '0.01');
    const sorted = [p1, p2, last].sort((a, b) => a.comparedTo(b));
    return { t, symbol: SYMBOL, last: w(last), index: w(index), mark: w(sorted[1]!), markComponents: { price1: w(p1), price2: w(p2) }, liquidity };
  }
  return { t, symbol: SYMBOL, last: w(last), index: w(markBase), mark: w(markBase), liquidity };
}
