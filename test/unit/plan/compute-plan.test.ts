import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { computePlan, type PlanResult } from '#shared/plan/compute-plan';
import { DEFAULT_PLAN_INPUTS, PlanBodySchema, type PlanInputs } from '#shared/plan/plan-body';
import { planOrders } from '#shared/plan/plan-orders';
import { EMPTY_CONTEXT, readDecimal, type PlanContext } from '#shared/plan/resolve-inputs';
import { leverageStrip, stripLeverages } from '#shared/plan/leverage-strip';
import { OrderRequestSchema } from '#shared/domain/trading-orders';

/** The example: 10,000 USDT, 1% risk, entry 60,000, stop 58,500, BTCUSDT 20x, default fees and slippage. */
const EXAMPLE: PlanInputs = { ...DEFAULT_PLAN_INPUTS, equity: '10000', riskPercent: '1', entry: '60000', stop: '58500', leverage: 20 };
/** The same with no slippage typed (the arithmetic of tokens-and-sizing.md 3.1 by hand). */
const NO_SLIP: PlanInputs = { ...EXAMPLE, slippagePercent: '0' };

function ok(r: PlanResult): Extract<PlanResult, { ok: true }> {
  if (!r.ok) throw new Error(`plan did not size: ${JSON.stringify(r.problems)}`);
  return r;
}

describe('planner: derived numbers', () => {
  it('by default the stop slips by the book model at the planned size: half the 1 bp spread, on the tick', () => {
    const r = ok(computePlan(EXAMPLE, EMPTY_CONTEXT));
    const o = r.outputs;
    // 0.064 BTC sized at no slippage walks 3,744 USDT of a 268.77M-per-1% book: the best bid, 58,497.
    expect(o.slippageModel).toEqual({ depthScale: 1, spreadBps: 1, notional: '3744', fillPrice: '58497' });
    expect(o).toMatchObject({ quantity: '0.064', stopFill: '58497', lossPerUnit: '1562.2485', lossAtStop: '99.983904', liquidationPrice: '57228.91566265', stopToLiquidation: '1268.08433735', verdict: 'safe', maxSafeLeverage: '34' });
    expect(o.fees.stopSlippageRate).toBe('0.0000512821');
    expect(r.resolved.fees.source.stopSlippageRate).toBe('book model');
    // A thinner live book (a tenth of the depth, 10 bp spread) costs more: the stop fills lower.
    const thin = ok(computePlan(EXAMPLE, { ...EMPTY_CONTEXT, book: { depthScale: 0.1, spreadBps: 10 } })).outputs;
    expect(new Dec(thin.stopFill).lt(o.stopFill)).toBe(true);
    expect(new Dec(thin.lossPerUnit).gt(o.lossPerUnit)).toBe(true);
  });

  it('with no slippage typed, sizes the example exactly as levdesk size does with the profile taker fees', () => {
    const o = ok(computePlan(NO_SLIP, EMPTY_CONTEXT)).outputs;
    expect(o).toMatchObject({
      side: 'long',
      riskBudget: '100',
      quantity: '0.064',
      notional: '3840',
      initialMargin: '192',
      entryFee: '1.92',
      exitFee: '1.872',
      lossPerUnit: '1559.25',
      lossAtStop: '99.792',
      lossFraction: '0.0099792',
      liquidationPrice: '57228.91566265',
      stopToLiquidation: '1271.08433735',
      verdict: 'safe',
      maxSafeLeverage: '34',
      fees: { entryRate: '0.0005', exitRate: '0.0005', stopSlippageRate: '0' },
      slippageModel: null,
      bracket: { tier: 1, maintenanceMarginRate: '0.004', maxLeverage: '125' },
    });
    // loss = q x d; share = loss / equity.
    expect(new Dec(o.quantity).mul(o.lossPerUnit).eq(o.lossAtStop)).toBe(true);
    expect(new Dec(o.lossAtStop).div(o.equity).eq(o.lossFraction)).toBe(true);
  });

  it('50x puts liquidation above the stop: unsafe, 34x is the highest safe', () => {
    const o = ok(computePlan({ ...EXAMPLE, leverage: 50 }, EMPTY_CONTEXT)).outputs;
    expect(o.verdict).toBe('unsafe');
    expect(o.liquidationPrice).toBe('59036.14457831');
    expect(new Dec(o.stopToLiquidation!).lt(0)).toBe(true);
    expect(o.maxSafeLeverage).toBe('34');
    expect(ok(computePlan({ ...EXAMPLE, leverage: 34 }, EMPTY_CONTEXT)).outputs.verdict).toBe('safe');
    expect(ok(computePlan({ ...EXAMPLE, leverage: 35 }, EMPTY_CONTEXT)).outputs.verdict).toBe('unsafe');
  });

  it('typed fees and slippage override the defaults; risk in cash equals the same risk in percent', () => {
    const zero = ok(computePlan({ ...EXAMPLE, feeEntryPercent: '0', feeExitPercent: '0' }, EMPTY_CONTEXT));
    expect(zero.outputs.quantity).toBe('0.066');
    expect(zero.resolved.fees.source.entryRate).toBe('input');
    const slip = ok(computePlan({ ...EXAMPLE, slippagePercent: '0.1' }, EMPTY_CONTEXT)).outputs;
    expect(slip.stopFill).toBe('58441.5');
    const cash = ok(computePlan({ ...EXAMPLE, riskMode: 'cash', riskCash: '100' }, EMPTY_CONTEXT)).outputs;
    expect(cash.quantity).toBe('0.064');
  });

  it('takes the side from the stop: above the entry is a short', () => {
    const o = ok(computePlan({ ...EXAMPLE, stop: '61500' }, EMPTY_CONTEXT)).outputs;
    expect(o.side).toBe('short');
    expect(new Dec(o.liquidationPrice!).gt(61500)).toBe(true);
  });

  it('places the stop by %, by ATR and at the swing from the context, and names what is missing', () => {
    const ctx: PlanContext = { ...EMPTY_CONTEXT, atr: '300', swing: { low: '58800', high: '61000' } };
    expect(ok(computePlan({ ...EXAMPLE, stopMode: 'percent', stopPercent: '2.5' }, ctx)).outputs.stop).toBe('58500');
    expect(ok(computePlan({ ...EXAMPLE, stopMode: 'atr', atrMultiple: '2' }, ctx)).outputs.stop).toBe('59400');
    expect(ok(computePlan({ ...EXAMPLE, stopMode: 'swing' }, ctx)).outputs.stop).toBe('58800');
    expect(ok(computePlan({ ...EXAMPLE, stopMode: 'swing', side: 'short' }, ctx)).outputs.stop).toBe('61000');
    const noAtr = computePlan({ ...EXAMPLE, stopMode: 'atr' }, EMPTY_CONTEXT);
    expect(!noAtr.ok && noAtr.problems[0]).toMatchObject({ field: 'stop', message: expect.stringMatching(/No ATR/) });
  });

  it('equity and a market entry come from the account and the last price when left blank', () => {
    const r = ok(computePlan({ ...EXAMPLE, equity: '', entry: '', entryKind: 'market' }, { ...EMPTY_CONTEXT, accountEquity: '20000', lastPrice: '60000' }));
    expect(r.resolved.equityOrigin).toBe('account');
    expect(r.resolved.entryOrigin).toBe('last price');
    expect(r.outputs.quantity).toBe('0.128');
  });

  it('names every unusable field', () => {
    const r = computePlan({ ...EXAMPLE, equity: 'abc', riskPercent: '', entry: '-1', stop: '60000', feeEntryPercent: '120' }, EMPTY_CONTEXT);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field).sort()).toEqual(['entry', 'equity', 'feeEntry', 'risk']);
    const same = computePlan({ ...EXAMPLE, stop: '60000' }, EMPTY_CONTEXT);
    expect(!same.ok && same.problems[0]!.field).toBe('stop');
  });

  it('reads typed decimals with thousands separators, refuses anything else', () => {
    expect(readDecimal('60,000.5')!.toString()).toBe('60000.5');
    expect(readDecimal('1e5')).toBeNull();
    expect(readDecimal('')).toBeNull();
  });
});

describe('planner: exits, EV and the leverage strip', () => {
  it('R targets become prices at the tick; shares floor to the step and the last takes the remainder', () => {
    const r = ok(
      computePlan(
        {
          ...EXAMPLE,
          rungs: [
            { kind: 'r', value: '1', percent: '33' },
            { kind: 'r', value: '2', percent: '33' },
            { kind: 'price', value: '66000', percent: '34' },
          ],
        },
        EMPTY_CONTEXT,
      ),
    );
    expect(r.exits.rungs.map((x) => [x.price, x.quantity, x.r])).toEqual([
      ['61500', '0.021', '1'],
      ['63000', '0.021', '2'],
      ['66000', '0.022', '4'],
    ]);
    expect(r.exits.runner).toBe('0');
  });

  it('expected value = p x win - (1 - p) x loss at the stop', () => {
    const e = ok(computePlan(NO_SLIP, EMPTY_CONTEXT)).exits;
    // Half at 61,500 and half at 63,000, net of the entry fee and both exit fees.
    expect(e.winNet).toBe('140.088');
    expect(e.expectedValue).toBe(new Dec('0.45').mul('140.088').minus(new Dec('0.55').mul('99.792')).toString());
    expect(e.worstAfterFirst).toBe('44.136');
  });

  it('flags a rung under the minimum quantity, a rung on the loss side and shares over 100%', () => {
    const tiny = ok(computePlan({ ...EXAMPLE, rungs: [{ kind: 'r', value: '1', percent: '1' }] }, EMPTY_CONTEXT));
    expect(tiny.exits.rungs[0]!.belowMinQty).toBe(true);
    const wrong = ok(computePlan({ ...EXAMPLE, rungs: [{ kind: 'price', value: '59000', percent: '50' }] }, EMPTY_CONTEXT));
    expect(wrong.exits.problems[0]!.message).toMatch(/profit side/);
    const over = ok(
      computePlan(
        {
          ...EXAMPLE,
          rungs: [
            { kind: 'r', value: '1', percent: '60' },
            { kind: 'r', value: '2', percent: '60' },
          ],
        },
        EMPTY_CONTEXT,
      ),
    );
    expect(over.exits.problems[0]!.message).toMatch(/more than 100%/);
  });

  it('the strip falls with leverage and turns unsafe exactly past the highest safe leverage', () => {
    const s = leverageStrip(ok(computePlan(NO_SLIP, EMPTY_CONTEXT)));
    expect(s.stopDistance).toBe('0.025');
    // The highest safe leverage and the next are always on the strip, where the curve crosses.
    expect(s.points.find((p) => p.leverage === 34)!.safe).toBe(true);
    const withLp = s.points.filter((p) => p.distance !== null);
    for (let i = 1; i < withLp.length; i += 1) expect(new Dec(withLp[i]!.distance!).lt(withLp[i - 1]!.distance!)).toBe(true);
    expect(s.points.find((p) => p.leverage === 30)!.safe).toBe(true);
    expect(s.points.find((p) => p.leverage === 35)!.safe).toBe(false);
    expect(stripLeverages(125).at(-1)).toBe(125);
    expect(stripLeverages(125).length).toBeLessThanOrEqual(26);
    expect(stripLeverages(20, [17])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 17, 20]);
  });
});

describe('plan to orders', () => {
  it('the entry carries the stop and the ladder; the trailing stop is reduce-only for the runner; the body has the journal fields', () => {
    const inputs: PlanInputs = { ...EXAMPLE, rungs: [{ kind: 'r', value: '1', percent: '50' }], trailOn: true, trailCallbackPercent: '1.5', trailActivation: '62000' };
    const r = ok(computePlan(inputs, EMPTY_CONTEXT));
    const o = planOrders(inputs, r.outputs, r.exits);
    expect(o.entry).toEqual({
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'limit',
      quantity: '0.064',
      price: '60000',
      timeInForce: 'GTC',
      attached: { stopLoss: { triggerPrice: '58500', triggerSource: 'mark' }, takeProfits: [{ triggerPrice: '61500', fraction: 0.5, triggerSource: 'mark' }] },
    });
    expect(o.trailing).toEqual({ symbol: 'BTCUSDT', side: 'sell', type: 'trailingStop', quantity: '0.032', reduceOnly: true, triggerSource: 'mark', callbackRate: '0.015', activationPrice: '62000' });
    expect(OrderRequestSchema.safeParse(o.entry).success).toBe(true);
    expect(OrderRequestSchema.safeParse(o.trailing).success).toBe(true);
    const body = PlanBodySchema.parse({ symbol: 'BTCUSDT', side: r.outputs.side, entry: r.outputs.entry, stop: r.outputs.stop, quantity: r.outputs.quantity, leverage: 20, liquidationPrice: r.outputs.liquidationPrice, lossAtStop: r.outputs.lossAtStop, inputs });
    expect(body).toMatchObject({ symbol: 'BTCUSDT', side: 'long', entry: '60000', stop: '58500', quantity: '0.064' });
  });
});
