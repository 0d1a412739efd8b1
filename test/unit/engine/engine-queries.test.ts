import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import type { OrderRequest } from '#shared/domain/trading-orders';
import { accountSummary, marketView, positionViews } from '#main/engine/queries/account-view';
import { previewOrder } from '#main/engine/queries/preview';
import { explainFunding, explainRisk } from '#main/engine/queries/explain';
import { crowdOrder, crowdPage } from '#main/engine/queries/crowd-page';
import { IdRanks } from '#main/engine/queries/id-ranks';
import type { Engine } from '#main/engine/engine';
import { effectsOf, mustApply, order, startedEngine, tick, T0 } from './helpers';

const q = (s: string) => s as never;
const view = (e: Engine) => ({ state: e.readState, idx: e.indexes });
const me = (e: Engine) => e.readState.accounts.get('me')!;

describe('engine queries', () => {
  it('previews a market order exactly as it then fills, without changing anything', () => {
    const e = startedEngine('100000', { deposit: '50000', leverage: 20 });
    mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '100000', { liquidity: { depthScale: 0.01, spreadBps: 2 } }) });
    const req: OrderRequest = { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: q('3'), attached: { stopLoss: { triggerPrice: q('90000') } } };
    const before = e.stateHash();
    const p = previewOrder(view(e), me(e), req);
    expect(e.stateHash()).toBe(before);
    expect(p.accepted).toBe(true);
    expect(p.stopBeyondLiquidation).toBe(true); // 20x liquidates ~5% down, the stop sits 10% down
    expect(p.warnings.join()).toContain('beyond the liquidation price');
    const r = order(e, req);
    expect(r.ok).toBe(true);
    const fills = effectsOf(r.ok ? r.effects : [], 'fill').map((f) => f.fill);
    const value = fills.reduce((a, f) => a.plus(new Dec(f.quantity).mul(f.price)), new Dec(0));
    expect(new Dec(p.referencePrice).eq(value.div(3))).toBe(true);
    const fee = fills.reduce((a, f) => a.plus(f.fee), new Dec(0));
    expect(new Dec(p.fee).minus(fee).abs().lte('0.00000003')).toBe(true); // per-fill rounding
    const pos = positionViews(view(e), me(e))[0]!;
    expect(p.liquidationPrice).toBe(pos.liquidationPrice);
    expect(new Dec(p.initialMargin).eq(new Dec(pos.margin))).toBe(true);
  });

  it('previews a refused order with the engine refusal', () => {
    const e = startedEngine();
    const p = previewOrder(view(e), me(e), { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: q('5') });
    expect(p.accepted).toBe(false);
    expect(p.rejection?.code).toBe('insufficientMargin');
    expect(new Dec(p.maxOpenQuantity).gt(0)).toBe(true);
    expect(p.maxOpenLimitedBy).toBe('balance');
  });

  it('summarises the account and the positions with liquidation, margin ratio, stop and ADL lights', () => {
    const e = startedEngine('100000', { deposit: '20000', leverage: 10, accounts: ['me', 'x', 'y'] });
    order(e, { side: 'buy', type: 'market', quantity: q('0.5'), attached: { stopLoss: { triggerPrice: q('95000') }, takeProfits: [{ triggerPrice: q('110000'), fraction: 1 }] } });
    order(e, { side: 'buy', type: 'market', quantity: q('0.1') }, 'x');
    order(e, { side: 'sell', type: 'market', quantity: q('0.1') }, 'y');
    mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '101000') });
    const s = accountSummary(view(e), me(e));
    expect(new Dec(s.walletBalance).eq(me(e).wallet.plus(me(e).positions.get('BTCUSDT')!.margin))).toBe(true);
    expect(new Dec(s.unrealizedPnl).gt(0)).toBe(true);
    const [p] = positionViews(view(e), me(e));
    expect(p!.stopLoss?.triggerPrice).toBe('95000');
    expect(p!.takeProfits.map((t) => t.triggerPrice)).toEqual(['110000']);
    expect(p!.liquidationPrice).toBe(e.indexes.liq.get('me', 'BTCUSDT')!.liquidation!.toSignificantDigits(20).toFixed());
    expect(p!.bracket.tier).toBe(2);
    expect(p!.adl).toMatchObject({ count: 2 });
    expect(p!.adl!.quintile).toBeGreaterThanOrEqual(1);
    const mv = marketView(view(e), e.readState.markets.get('BTCUSDT')!);
    expect(mv.openInterest).toBe('0.6');
    expect(mv.nextFundingT).toBe(Date.UTC(2025, 9, 11, 0, 0, 0));
  });

  it('explains a liquidation price with the formula, its inputs and the bracket, matching the position', () => {
    const e = startedEngine('100000', { deposit: '20000', leverage: 50 });
    order(e, { side: 'buy', type: 'market', quantity: q('0.1') });
    const pos = me(e).positions.get('BTCUSDT')!;
    const x = explainRisk(view(e), me(e), pos, 'liquidationPrice');
    expect(x.formulaId).toBe('binance-linear-isolated');
    expect(x.result.value).toBe(positionViews(view(e), me(e))[0]!.liquidationPrice);
    expect(x.inputs.map((i) => i.symbol)).toEqual(['WB', 's', 'q', 'EP', 'MP', 'mmr', 'cum']);
    expect(x.bracket).toMatchObject({ tier: 1, maintenanceMarginRate: '0.004', basis: 'liquidation' });
    const r = explainRisk(view(e), me(e), pos, 'marginRatio');
    expect(new Dec(r.result.value!).gt(0)).toBe(true);
    const f = explainFunding({ id: 1, t: T0, account: 'me', symbol: 'BTCUSDT', side: 'long', quantity: q('1'), markPrice: q('60000'), rate: q('0.0001'), notional: q('60000'), amount: q('-6'), source: 'history' });
    expect(f.result.value).toBe('-6');
  });

  it('pages the market positions sorted server-side', () => {
    const e = startedEngine('100000', { deposit: '100000', leverage: 10 });
    mustApply(e, { kind: 'crowd', t: T0, symbol: 'BTCUSDT', params: { seed: 3, traders: 300, longShare: 0.5, leverage: [{ leverage: 10, weight: 1 }, { leverage: 100, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.5, minDistance: 0.01, maxDistance: 0.05 }, entryWindowHours: 0 } });
    mustApply(e, { kind: 'tick', tick: tick(T0 + 1000, '100000') });
    const ids = crowdOrder(view(e), 'BTCUSDT', 'notional', true, undefined, new IdRanks());
    expect(ids).toHaveLength(300);
    const page1 = crowdPage(view(e), 'BTCUSDT', ids, 0, 50);
    const page2 = crowdPage(view(e), 'BTCUSDT', ids, 50, 50);
    expect(page1.total).toBe(300);
    expect(page1.longs + page1.shorts).toBe(300);
    const n = [...page1.rows, ...page2.rows].map((r) => Number(r.notional));
    for (let i = 1; i < n.length; i++) expect(n[i]!).toBeLessThanOrEqual(n[i - 1]!);
    const longsOnly = crowdOrder(view(e), 'BTCUSDT', 'liquidationPrice', false, 'long', new IdRanks());
    expect(longsOnly.length).toBe(page1.longs);
  });
});
