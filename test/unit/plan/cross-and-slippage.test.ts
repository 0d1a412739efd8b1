import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { computePlan, type PlanResult } from '#shared/plan/compute-plan';
import { leverageStrip } from '#shared/plan/leverage-strip';
import { DEFAULT_PLAN_INPUTS, type PlanInputs } from '#shared/plan/plan-body';
import { EMPTY_CONTEXT, type PlanContext } from '#shared/plan/resolve-inputs';
import { bookStopSlippage, contractSpec, getProfile, liquidationPrice, sizeFromRisk } from '#shared/risk/index';

const CROSS: PlanInputs = { ...DEFAULT_PLAN_INPUTS, equity: '', riskPercent: '2', entry: '60000', stop: '59700', leverage: 20, marginMode: 'cross', slippagePercent: '0' };
/** A paper account: 1,000 in the cross wallet, an ETH long under water on cross, a BTC position in isolated. */
const ACCOUNT: PlanContext = {
  ...EMPTY_CONTEXT,
  accountEquity: '900',
  cross: {
    walletBalance: '1000',
    positions: [
      { symbol: 'ETHUSDT', side: 'long', quantity: '2', entryPrice: '3000', markPrice: '2950', leverage: 10, marginMode: 'cross' },
      { symbol: 'BTCUSDT', side: 'short', quantity: '0.01', entryPrice: '61000', markPrice: '60000', leverage: 5, marginMode: 'isolated' },
    ],
  },
};

function ok(r: PlanResult): Extract<PlanResult, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

describe('planner: cross margin counts the paper account', () => {
  it("the liquidation price is shared/risk's with the account's cross wallet and its other positions", () => {
    const r = ok(computePlan(CROSS, ACCOUNT));
    const o = r.outputs;
    expect(o.cross).toMatchObject({ walletBalance: '1000', walletOrigin: 'account', sameSymbolHeld: true });
    expect(o.cross!.others.map((x) => x.symbol)).toEqual(['ETHUSDT']);
    const profile = getProfile('binance-usdm');
    const expected = liquidationPrice({
      profile,
      walletBalance: new Dec('1000').minus(r.sizing.entryFee),
      position: { symbol: 'BTCUSDT', side: 'long', quantity: new Dec(o.quantity), entryPrice: new Dec('60000'), markPrice: new Dec('60000'), marginMode: 'cross', leverage: new Dec(20) },
      others: [{ symbol: 'ETHUSDT', side: 'long', quantity: new Dec('2'), entryPrice: new Dec('3000'), markPrice: new Dec('2950'), marginMode: 'cross', leverage: new Dec(10) }],
    });
    expect(o.liquidationPrice).toBe(expected!.toDecimalPlaces(8, Dec.ROUND_HALF_EVEN).toString());
    // Alone on the same wallet the position would liquidate lower: the ETH loss and margin bring it closer.
    const alone = ok(computePlan(CROSS, { ...ACCOUNT, cross: { walletBalance: '1000', positions: [] } })).outputs;
    expect(new Dec(o.liquidationPrice!).gt(alone.liquidationPrice!)).toBe(true);
  });

  it('the other positions can make a plan unsafe that is safe alone; the strip counts them too', () => {
    const heavy: PlanContext = {
      ...ACCOUNT,
      cross: { walletBalance: '1000', positions: [{ symbol: 'ETHUSDT', side: 'long', quantity: '2', entryPrice: '3000', markPrice: '2512', leverage: 20, marginMode: 'cross' }] },
    };
    const inputs = { ...CROSS, stop: '58500' };
    const withOthers = ok(computePlan(inputs, heavy));
    const alone = ok(computePlan(inputs, { ...heavy, cross: { walletBalance: '1000', positions: [] } }));
    expect(alone.outputs.verdict).toBe('safe');
    expect(withOthers.outputs.verdict).toBe('unsafe');
    const strip = leverageStrip(withOthers);
    // Cross: the leverage setting does not move the LP, so every point shares the verdict.
    expect(strip.points.every((p) => !p.safe)).toBe(true);
  });

  it('a typed equity stands for the cross wallet; isolated ignores the account', () => {
    const typed = ok(computePlan({ ...CROSS, equity: '2000' }, ACCOUNT)).outputs;
    expect(typed.cross).toMatchObject({ walletBalance: '2000', walletOrigin: 'typed' });
    const iso = ok(computePlan({ ...CROSS, marginMode: 'isolated' }, ACCOUNT)).outputs;
    expect(iso.cross).toBeNull();
  });
});

describe("the stop's slippage from the engine's book model", () => {
  const spec = contractSpec(getProfile('binance-usdm'), 'BTCUSDT');
  it('is half the spread at a small size, more with size and with a thinner book, against the trader on the tick', () => {
    const small = bookStopSlippage({ side: 'long', trigger: new Dec('58500'), quantity: new Dec('0.064'), tickSize: spec.tickSize });
    expect(small.fillPrice.toString()).toBe('58497');
    const big = bookStopSlippage({ side: 'long', trigger: new Dec('58500'), quantity: new Dec('2000'), tickSize: spec.tickSize });
    expect(big.rate.gt(small.rate)).toBe(true);
    const thin = bookStopSlippage({ side: 'long', trigger: new Dec('58500'), quantity: new Dec('2000'), tickSize: spec.tickSize, book: { depthScale: 0.05, spreadBps: 1 } });
    expect(thin.rate.gt(big.rate)).toBe(true);
    const short = bookStopSlippage({ side: 'short', trigger: new Dec('61500'), quantity: new Dec('0.064'), tickSize: spec.tickSize });
    expect(short.fillPrice.gt(61500)).toBe(true);
  });

  it('sizeFromRisk walks the book for the size at no slippage, then sizes with that rate; a typed rate is kept', () => {
    const profile = getProfile('binance-usdm');
    const base = { profile, symbol: 'BTCUSDT', side: 'long' as const, equity: new Dec(1_000_000), riskFraction: new Dec('0.02'), entry: new Dec(60000), stop: new Dec(58500), leverage: new Dec(10), marginMode: 'isolated' as const };
    const r = sizeFromRisk({ ...base, given: {}, book: { depthScale: 1, spreadBps: 1 } });
    expect(sizeFromRisk({ ...base, given: {}, book: null }).fees.source.stopSlippageRate).toBe('assumed zero');
    expect(r.fees.source.stopSlippageRate).toBe('book model');
    expect(r.slippage!.notional.gt(r.sizing.quantity.mul(58500).minus(1))).toBe(true);
    expect(r.sizing.stopFillPrice.eq(r.slippage!.fillPrice)).toBe(true);
    const typed = sizeFromRisk({ ...base, given: { stopSlippageRate: new Dec('0.001') }, book: { depthScale: 1, spreadBps: 1 } });
    expect(typed.slippage).toBeNull();
    expect(typed.fees.source.stopSlippageRate).toBe('input');
    expect(typed.sizing.stopFillPrice.toString()).toBe('58441.5');
  });
});
