import { describe, expect, it } from 'vitest';
import { Dec, floorTo, ceilTo } from '#shared/money/decimal';
import { getProfile, liquidationPrice, bankruptcyPrice } from '#shared/risk/index';
import { conservationResidual } from '#main/engine/state/ledger-check';
import { command, effectsOf, mustApply, order, startedEngine, tick, T0 } from './helpers';

const q = (s: string) => s as never;
const BINANCE = getProfile('binance-usdm');

function longAt50x(insurance = '1000000') {
  const e = startedEngine('100000', { deposit: '10000', leverage: 50, insurance, accounts: ['me', 'short'] });
  expect(order(e, { side: 'buy', type: 'market', quantity: q('0.1') }).ok).toBe(true);
  const lp = e.indexes.liq.get('me', 'BTCUSDT')!.liquidation!;
  return { e, lp };
}

describe('liquidation', () => {
  it('files the risk core liquidation price of the position, bracket at the liquidation price', () => {
    const { e, lp } = longAt50x();
    const pos = e.readState.accounts.get('me')!.positions.get('BTCUSDT')!;
    const expected = liquidationPrice({
      profile: BINANCE,
      position: { symbol: 'BTCUSDT', side: 'long', quantity: pos.qty, entryPrice: pos.entryValue.div(pos.qty), markPrice: new Dec(100000), marginMode: 'isolated', leverage: new Dec(50), isolatedMargin: pos.margin },
    });
    expect(lp.eq(expected!)).toBe(true);
    // (200.01 + 0 - 0.1 x 100005) / (0.1 x 0.004 - 0.1) = 98,398.49
    expect(lp.toFixed(2)).toBe('98398.49');
  });

  it('does not fire while the mark is a tick above the liquidation price, fires at it, and pays the clearance fee into the fund', () => {
    const { e, lp } = longAt50x();
    const above = ceilTo(lp, '0.1').plus('0.1').toFixed();
    let fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, above) });
    expect(effectsOf(fx, 'liquidation')).toHaveLength(0);
    const fundBefore = e.readState.insurance;
    const wallet = e.readState.accounts.get('me')!.wallet;
    fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 2000, floorTo(lp, '0.1').toFixed()) });
    const [liq] = effectsOf(fx, 'liquidation');
    expect(liq).toBeDefined();
    const l = liq!.liquidation;
    expect(new Dec(l.marginBalance).lte(new Dec(l.maintenanceMargin))).toBe(true);
    expect(l.partial).toBe(false);
    expect(l.marginLost).toBe('200.01');
    expect(l.adl).toHaveLength(0);
    // Fills a little below the liquidation price but above bankruptcy: the residual pays the fee.
    expect(new Dec(l.clearanceFee).gt(0)).toBe(true);
    expect(l.deficit).toBe('0');
    const fundDelta = e.readState.insurance.minus(fundBefore);
    expect(fundDelta.eq(new Dec(l.clearanceFee).plus(l.surplus))).toBe(true);
    expect(effectsOf(fx, 'insurance').map((x) => x.entry.reason)).toContain('clearanceFee');
    // Non-recourse, isolated: the wallet outside the position is untouched.
    expect(e.readState.accounts.get('me')!.wallet.eq(wallet)).toBe(true);
    expect(e.readState.accounts.get('me')!.positions.size).toBe(0);
    expect(conservationResidual(e.readState).isZero()).toBe(true);
  });

  it('draws the deficit from the fund when a gap fills the liquidation beyond bankruptcy', () => {
    const { e } = longAt50x();
    const bp = e.indexes.liq.get('me', 'BTCUSDT')!.bankruptcy!;
    const gap = floorTo(bp.mul('0.97'), '0.1').toFixed();
    const fundBefore = e.readState.insurance;
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, gap) });
    const l = effectsOf(fx, 'liquidation')[0]!.liquidation;
    expect(new Dec(l.deficit).gt(0)).toBe(true);
    expect(l.clearanceFee).toBe('0');
    expect(e.readState.insurance.eq(fundBefore.minus(l.deficit))).toBe(true);
    expect(e.readState.accounts.get('me')!.wallet.gte(0)).toBe(true);
  });

  it('auto-deleverages the profitable short at the bankruptcy price when the fund cannot pay', () => {
    const { e } = longAt50x('0');
    // The opposing trader holds a profitable short once the price falls.
    expect(order(e, { side: 'sell', type: 'market', quantity: q('0.3') }, 'short').ok).toBe(true);
    const bp = e.indexes.liq.get('me', 'BTCUSDT')!.bankruptcy!;
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, floorTo(bp.mul('0.95'), '0.1').toFixed()) });
    const l = effectsOf(fx, 'liquidation')[0]!.liquidation;
    expect(l.bookQuantity).toBe('0');
    expect(l.adl).toHaveLength(1);
    expect(l.adl[0]).toMatchObject({ account: 'short', side: 'short', quantity: '0.1', price: ceilTo(bp, '0.1').toFixed() });
    expect(new Dec(l.adl[0]!.realizedPnl).gt(0)).toBe(true);
    expect(e.readState.insurance.gte(0)).toBe(true);
    expect(e.readState.accounts.get('short')!.positions.get('BTCUSDT')!.qty.toFixed()).toBe('0.2');
    expect(conservationResidual(e.readState).isZero()).toBe(true);
  });

  it('never deleverages a position the bankruptcy price would close at a loss: the backstop takes it', () => {
    const { e } = longAt50x('0');
    const bp = e.indexes.liq.get('me', 'BTCUSDT')!.bankruptcy!;
    // The short opens after the fall, below the long's bankruptcy price: closing it at that
    // price would be a loss (possibly beyond its margin), so ADL must pass it by.
    mustApply(e, { kind: 'tick', tick: tick(T0 + 500, floorTo(bp.mul('0.99'), '0.1').toFixed(), { mark: '99000' }) });
    expect(command(e, { type: 'setLeverage', symbol: 'BTCUSDT', leverage: 5 }, 'short').ok).toBe(true);
    expect(order(e, { side: 'sell', type: 'market', quantity: q('0.3') }, 'short').ok).toBe(true);
    expect(e.readState.insurance.isZero()).toBe(true);
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, floorTo(bp.mul('0.95'), '0.1').toFixed()) });
    const l = effectsOf(fx, 'liquidation').find((x) => x.liquidation.account === 'me')!.liquidation;
    expect(l.adl).toHaveLength(0);
    expect(l.backstopQuantity).toBe('0.1');
    expect(e.readState.accounts.get('short')!.positions.get('BTCUSDT')!.qty.toFixed()).toBe('0.3');
    expect(conservationResidual(e.readState).isZero()).toBe(true);
  });

  it('backstops with the liquidity account when no opposing trader is left', () => {
    const { e } = longAt50x('0');
    const bp = e.indexes.liq.get('me', 'BTCUSDT')!.bankruptcy!;
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, floorTo(bp.mul('0.9'), '0.1').toFixed()) });
    const l = effectsOf(fx, 'liquidation')[0]!.liquidation;
    expect(l.adl).toHaveLength(0);
    expect(l.backstopQuantity).toBe('0.1');
    expect(e.readState.insurance.gte(0)).toBe(true);
  });

  it('liquidates a tier-2 position in steps: first down to the tier-1 cap', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 50 });
    expect(order(e, { side: 'buy', type: 'market', quantity: q('0.9') }).ok).toBe(true); // ~90,000 notional: tier 2
    const lp = e.indexes.liq.get('me', 'BTCUSDT')!.liquidation!;
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, floorTo(lp, '0.1').toFixed()) });
    const steps = effectsOf(fx, 'liquidation').map((x) => x.liquidation);
    expect(steps[0]!.partial).toBe(true);
    // Keeps what fits under tier 1's 50,000 cap at the mark.
    expect(new Dec(steps[0]!.remainingQuantity).mul(floorTo(lp, '0.1')).lte(50_000)).toBe(true);
  });

  it('a one-venue wick on the last price does not liquidate: the mark holds', () => {
    const { e, lp } = longAt50x();
    const wick = floorTo(lp.mul('0.9'), '0.1').toFixed();
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, wick, { mark: '99900', index: '99900' }) });
    expect(effectsOf(fx, 'liquidation')).toHaveLength(0);
    expect(e.readState.accounts.get('me')!.positions.has('BTCUSDT')).toBe(true);
  });

  it('price protection: a stop on the last price that gaps past bankruptcy fills only to it', () => {
    const e = startedEngine('100000', { deposit: '10000', leverage: 50 });
    order(e, { side: 'buy', type: 'market', quantity: q('0.1') });
    expect(order(e, { side: 'sell', type: 'stopMarket', quantity: q('0.1'), triggerPrice: q('99500'), triggerSource: 'last', reduceOnly: true }).ok).toBe(true);
    const bp = e.indexes.liq.get('me', 'BTCUSDT')!.bankruptcy!;
    // The last gaps to 5% below bankruptcy in a thin book while the mark holds.
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, floorTo(bp.mul('0.95'), '0.1').toFixed(), { mark: '99900', liquidity: { depthScale: 0.01, spreadBps: 5 } }) });
    const stop = effectsOf(fx, 'order').filter((o) => o.order.id === 2).at(-1)!.order;
    expect(stop.status).toBe('expired');
    expect(stop.reason === 'priceProtection' || stop.reason === 'noLiquidity').toBe(true);
    expect(e.readState.accounts.get('me')!.wallet.gte(0)).toBe(true);
    const bankrupt = bankruptcyPrice({ profile: BINANCE, position: { symbol: 'BTCUSDT', side: 'long', quantity: new Dec('0.1'), entryPrice: new Dec('100005'), markPrice: new Dec('100000'), marginMode: 'isolated', leverage: new Dec(50), isolatedMargin: new Dec('200.01') } });
    expect(bankrupt!.eq(bp)).toBe(true);
  });

  it('liquidates a cross account on its wallet and never leaves the wallet negative', () => {
    const e = startedEngine('100000', { deposit: '1000', leverage: 20, mode: 'cross' });
    expect(order(e, { side: 'sell', type: 'market', quantity: q('0.18') }).ok).toBe(true);
    const lp = e.indexes.liq.get('me', 'BTCUSDT')!.liquidation!;
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, ceilTo(lp.mul('1.08'), '0.1').toFixed()) });
    const l = effectsOf(fx, 'liquidation')[0]!.liquidation;
    expect(l.marginMode).toBe('cross');
    expect(e.readState.accounts.get('me')!.wallet.toFixed()).toBe('0');
    expect(new Dec(l.deficit).gt(0)).toBe(true);
  });

  it('cancels the account orders on liquidation', () => {
    const { e, lp } = longAt50x();
    expect(order(e, { side: 'buy', type: 'limit', quantity: q('0.01'), price: q('95000') }).ok).toBe(true);
    const fx = mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, floorTo(lp, '0.1').toFixed()) });
    expect(effectsOf(fx, 'order').map((o) => o.order.reason)).toContain('liquidation');
    expect(effectsOf(fx, 'liquidation')[0]!.liquidation.canceledOrders).toBe(1);
    expect(command(e, { type: 'cancelOrder', orderId: 2 }).ok).toBe(false);
  });
});
