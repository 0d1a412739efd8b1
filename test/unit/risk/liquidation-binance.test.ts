import { describe, expect, it } from 'vitest';
import { bankruptcyPrice, crossAccountState, explainLiquidation, getProfile, liquidationPrice, marginStateAt, positionMaintenanceMargin } from '#shared/risk/index';
import { d, fixed, pos } from './helpers';

const binance = getProfile('binance-usdm');

describe('Binance USDⓈ-M isolated', () => {
  it('1 BTC @ 100,000, 10x, tier 2 -> long LP 90,402.01 (Binance FAQ via tokens-and-sizing.md 3.2)', () => {
    const e = explainLiquidation({ profile: binance, position: pos({ side: 'long', qty: 1, entry: 100000, lev: 10 }) });
    expect(fixed(e.liquidationPrice, 2)).toBe('90402.01');
    expect(e.bracket.tier).toBe(2);
    expect(e.terms.maintenanceAmount.toFixed()).toBe('50');
  });

  it('1 BTC @ 100,000, 10x -> short LP 109,502.49 (tokens-and-sizing.md 3.2)', () => {
    expect(fixed(liquidationPrice({ profile: binance, position: pos({ side: 'short', qty: 1, entry: 100000, lev: 10 }) }), 2)).toBe('109502.49');
  });

  it('long 1 BTC @ 60,000, 20x, WB 3,000 -> LP 57,236.18, BP 57,000 (exchange-mechanics.md 5.1)', () => {
    const input = { profile: binance, position: pos({ side: 'long', qty: 1, entry: 60000, lev: 20, margin: 3000 }) };
    expect(fixed(liquidationPrice(input), 2)).toBe('57236.18');
    expect(bankruptcyPrice(input)?.toFixed()).toBe('57000');
  });

  it.each([
    ['long', 8.070707070707071],
    ['short', 11.89108910891089],
  ] as const)('freqtrade test_execute_entry: WB 2, cum 0.01, 1 @ 10, mmr 1%%, %s -> %d', (side, expected) => {
    const lp = liquidationPrice({ profile: binance, position: pos({ side, qty: 1, entry: 10, lev: 5, margin: 2, mmr: '0.01', cum: '0.01' }) });
    expect(Number(lp!.toFixed(12))).toBeCloseTo(expected, 12);
  });

  it.each([
    ['3683.979', '1456.84', '0.10', '135365', '1114.78'],
    ['109.488', '32481.98', '0.025', '16300', '18778.73'],
  ])('freqtrade test_liquidation_price_binance isolated: WB 1,535,443.01, %s @ %s, mmr %s, cum %s -> %s', (qty, entry, mmr, cum, expected) => {
    const lp = liquidationPrice({ profile: binance, position: pos({ side: 'long', qty, entry, lev: 5, margin: '1535443.01', mmr, cum }) });
    expect(fixed(lp, 2)).toBe(expected);
  });

  it('a fully collateralised long at 1x has no liquidation price (null, not a number)', () => {
    const e = explainLiquidation({ profile: binance, position: pos({ side: 'long', qty: 1, entry: 60000, lev: 1 }) });
    expect(e.liquidationPrice).toBeNull();
    expect(e.bankruptcyPrice).toBeNull();
  });
});

describe('Binance cross (others held at their marks)', () => {
  // freqtrade tests/exchange/test_binance.py::test_liquidation_price_binance, the "calc example" account.
  const others = [
    pos({ symbol: 'BTCUSDT', side: 'long', qty: '109.488', entry: '32481.98', mark: '31967.27', mode: 'cross', lev: 5, mmr: '0.025', cum: '16300' }),
    pos({ symbol: 'ETHUSDT', side: 'long', qty: '3683.979', entry: '1456.84', mark: '1335.18', mode: 'cross', lev: 5, mmr: '0.10', cum: '135365' }),
  ];
  const wallet = d('1535443.01');

  it('ETH cross -> 1,153.26 (freqtrade)', () => {
    const position = pos({ symbol: 'ETHUSDT', side: 'long', qty: '3683.979', entry: '1456.84', mode: 'cross', lev: 5, mmr: '0.10', cum: '135365' });
    expect(fixed(liquidationPrice({ profile: binance, position, walletBalance: wallet, others }), 2)).toBe('1153.26');
  });

  it('BTC cross -> 26,316.89 (freqtrade)', () => {
    const position = pos({ symbol: 'BTCUSDT', side: 'long', qty: '109.488', entry: '32481.98', mode: 'cross', lev: 5, mmr: '0.025', cum: '16300' });
    const e = explainLiquidation({ profile: binance, position, walletBalance: wallet, others });
    expect(fixed(e.liquidationPrice, 2)).toBe('26316.89');
    // TMM1 and UPNL1 are the ETH position's, at its mark 1,335.18.
    expect(e.terms.otherRequirement.toFixed()).toBe(d('3683.979').mul('1335.18').mul('0.1').minus(135365).toFixed());
    expect(e.terms.otherUnrealizedPnl.toFixed()).toBe(d('3683.979').mul(d('1335.18').minus('1456.84')).toFixed());
  });

  it('needs the cross wallet balance', () => {
    expect(() => liquidationPrice({ profile: binance, position: pos({ side: 'long', qty: 1, entry: 100, mode: 'cross' }) })).toThrow(/walletBalance/);
  });
});

describe('the bracket-at-liquidation rule (computed with the 2024 BTCUSDT table)', () => {
  it('long 10 @ 5,200 (tier 2 at entry, 52,000) liquidates in tier 1: LP = (WB - q EP) / (q mmr1 - q)', () => {
    const e = explainLiquidation({ profile: binance, position: pos({ side: 'long', qty: 10, entry: 5200, lev: 10 }) });
    expect(e.bracket.tier).toBe(1);
    const expected = d(5200).minus(52000).div(d(10).mul('0.004').minus(10));
    expect(e.liquidationPrice!.eq(expected)).toBe(true);
    expect(fixed(e.liquidationPrice, 4)).toBe('4698.7952');
    // Tier 2 (the bracket at entry) would have said 4,698.49: a different, inconsistent answer.
    expect(e.maintenanceMarginRate.toFixed()).toBe('0.005');
  });

  it('short 9 @ 5,500 (tier 1 at entry, 49,500) liquidates in tier 2', () => {
    const e = explainLiquidation({ profile: binance, position: pos({ side: 'short', qty: 9, entry: 5500, lev: 10 }) });
    expect(e.bracket.tier).toBe(2);
    expect(e.liquidationPrice!.eq(d(4950).plus(50).plus(49500).div(d(9).mul('0.005').plus(9)))).toBe(true);
  });

  it('at the solved price the margin balance equals the maintenance margin', () => {
    const input = { profile: binance, position: pos({ side: 'long', qty: 10, entry: 5200, lev: 10 }) };
    const lp = liquidationPrice(input)!;
    const at = marginStateAt(input, lp);
    expect(at.marginBalance.minus(at.requirement).abs().lt('1e-25')).toBe(true);
  });
});

describe('margin ratio and explanation', () => {
  it('isolated: MM / (wallet + UPNL) at the mark', () => {
    const e = explainLiquidation({ profile: binance, position: pos({ side: 'long', qty: 1, entry: 100000, mark: 95000, lev: 10 }) });
    // MM = 95,000 x 0.5% - 50 = 425; balance = 10,000 - 5,000 = 5,000.
    expect(e.maintenanceMargin.toFixed()).toBe('425');
    expect(e.marginBalance.toFixed()).toBe('5000');
    expect(e.marginRatio!.toFixed()).toBe('0.085');
    expect(e.formula).toBe('binance-linear-isolated');
    expect(e.initialMargin.toFixed()).toBe('10000');
  });
});

describe('cross account state', () => {
  it('sum MM / (wallet + sum UPNL) over the cross positions only (the freqtrade calc-example account)', () => {
    const positions = [
      pos({ symbol: 'BTCUSDT', side: 'long', qty: '109.488', entry: '32481.98', mark: '31967.27', mode: 'cross', lev: 5, mmr: '0.025', cum: '16300' }),
      pos({ symbol: 'ETHUSDT', side: 'long', qty: '3683.979', entry: '1456.84', mark: '1335.18', mode: 'cross', lev: 5, mmr: '0.10', cum: '135365' }),
      pos({ symbol: 'SOLUSDT', side: 'short', qty: 100, entry: 150, lev: 5 }),
    ];
    const s = crossAccountState(binance, d('1535443.01'), positions);
    const mm = d('109.488').mul('31967.27').mul('0.025').minus(16300).plus(d('3683.979').mul('1335.18').mul('0.1').minus(135365));
    const upnl = d('109.488').mul(d('31967.27').minus('32481.98')).plus(d('3683.979').mul(d('1335.18').minus('1456.84')));
    expect(s.maintenanceMargin.eq(mm)).toBe(true);
    expect(s.unrealizedPnl.eq(upnl)).toBe(true);
    expect(s.marginRatio!.eq(mm.div(d('1535443.01').plus(upnl)))).toBe(true);
    expect(positionMaintenanceMargin(binance, pos({ side: 'long', qty: 1, entry: 100000, mark: 95000 })).toFixed()).toBe('425');
  });
});
