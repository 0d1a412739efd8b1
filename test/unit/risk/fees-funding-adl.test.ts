import { describe, expect, it } from 'vitest';
import { adlQueue, adlQuintile, averagePremium, binanceAdlScore, bitmexAdlScore, clearanceFee, contractSpec, fundingPayment, fundingRate, getProfile, insuranceFundDelta, maxOpenQuantity, premiumIndex, tradingFee } from '#shared/risk/index';
import { d } from './helpers';

const binance = getProfile('binance-usdm');

describe('fees and the insurance fund', () => {
  it('charges the taker rate on the notional and returns a maker rebate as a negative fee', () => {
    expect(tradingFee(d(60000), d('0.0005')).toFixed()).toBe('30');
    expect(tradingFee(d(60000), d('-0.00025')).toFixed()).toBe('-15');
  });
  it('charges the clearance fee on the amount liquidated only (Binance FAQ 360033525271)', () => {
    expect(clearanceFee(d(20000), d('0.0125')).toFixed()).toBe('250');
  });
  it('long 1 BTC, BP 57,000: filled at 57,100 the fund gets +100, at 56,800 it pays 200 (exchange-mechanics.md 5.1)', () => {
    expect(insuranceFundDelta('long', d(1), d(57000), d(57100), 'linear').toFixed()).toBe('100');
    expect(insuranceFundDelta('long', d(1), d(57000), d(56800), 'linear').toFixed()).toBe('-200');
  });
  it('a short is bought back: a fill below BP is a surplus; inverse uses Q x (1/BP - 1/F)', () => {
    expect(insuranceFundDelta('short', d(2), d(3100), d(3090), 'linear').toFixed()).toBe('20');
    expect(insuranceFundDelta('long', d(10000), d(8000), d(10000), 'inverse').eq(d(10000).mul(d(1).div(8000).minus(d(1).div(10000))))).toBe(true);
  });
});

describe('funding rate: F = P + clamp(I - P, -0.05%, 0.05%) (exchange-mechanics.md 6.1 table, computed)', () => {
  const rules = binance.funding;
  it.each([
    ['0.0003', '0.0001'],
    ['0', '0.0001'],
    ['0.001', '0.0005'],
    ['-0.0008', '-0.0003'],
    ['-0.0004', '0.0001'],
  ])('P %s -> F %s', (p, f) => {
    expect(fundingRate(d(p), rules).toFixed()).toBe(f);
  });
  it('caps the result at the profile bound', () => {
    expect(fundingRate(d('0.05'), rules).toFixed()).toBe('0.02');
    expect(fundingRate(d('-0.05'), rules).toFixed()).toBe('-0.02');
  });
  it('premium index: index 60,000, impact bid 60,030, ask 60,045 -> +0.05%', () => {
    expect(premiumIndex(d(60000), d(60030), d(60045)).toFixed()).toBe('0.0005');
  });
  it('averages premiums equally (Binance) or with weights 1..n (Bybit)', () => {
    expect(averagePremium([d('0.001'), d('0.002'), d('0.003')], 'equal').toFixed()).toBe('0.002');
    // (1 x 0.001 + 2 x 0.002 + 3 x 0.003) / 6
    expect(averagePremium([d('0.001'), d('0.002'), d('0.003')], 'linear').toFixed()).toBe(d('0.014').div(6).toFixed());
  });
});

describe('funding payment: who pays whom', () => {
  it('long 1 BTC at mark 60,000 with F = +0.01% pays 6 USDT to the shorts (exchange-mechanics.md 6.1)', () => {
    const p = fundingPayment('long', d(1), d(60000), d('0.0001'));
    expect(p.amount.toFixed()).toBe('-6');
    expect(p.payer).toBe('long');
    expect(p.receiver).toBe('short');
  });
  it('short 2 ETH at 3,000 with F = -0.03% pays 1.8 USDT to the longs', () => {
    const p = fundingPayment('short', d(2), d(3000), d('-0.0003'));
    expect(p.amount.toFixed()).toBe('-1.8');
    expect(p.payer).toBe('short');
  });
  it('the other side receives exactly what this side pays; zero rate moves nothing', () => {
    expect(fundingPayment('short', d(1), d(60000), d('0.0001')).amount.toFixed()).toBe('6');
    expect(fundingPayment('long', d(1), d(60000), d(0))).toMatchObject({ payer: 'none', receiver: 'none' });
    expect(fundingPayment('long', d(1), d(60000), d(0)).amount.toFixed()).toBe('0');
  });
  it('inverse: notional in coin = contracts x size / mark', () => {
    expect(fundingPayment('long', d(10000), d(10000), d('0.0001'), 'inverse').amount.toFixed()).toBe('-0.0001');
  });
});

describe('ADL', () => {
  it('BitMEX linear illustration: EP 10,000, MP 11,000, BP 9,000 -> 0.55; BP 9,500 -> 0.733 (exchange-mechanics.md 5.2)', () => {
    expect(bitmexAdlScore('long', d(1), d(10000), d(11000), d(9000))!.toFixed()).toBe('0.55');
    expect(bitmexAdlScore('long', d(1), d(10000), d(11000), d(9500))!.toFixed(3)).toBe('0.733');
  });
  it('a losing position scores PnL% / effective leverage, and shorts use signed values', () => {
    expect(bitmexAdlScore('long', d(1), d(10000), d(9500), d(9000))!.toFixed()).toBe(d('-0.05').div(19).toFixed());
    expect(bitmexAdlScore('short', d(1), d(10000), d(9000), d(11000))!.toFixed()).toBe('0.45');
  });
  it('Binance: UPNL 40.2, WB 4.27, margin ratio 13.42% -> PnL% 9.4145, score 1.2634 (dev.binance.vision 17801)', () => {
    // MM chosen so that MM / (WB + UPNL) = 13.42%.
    const mm = d('0.1342').mul(d('44.47'));
    expect(d('40.2').div('4.27').toFixed(4)).toBe('9.4145');
    expect(binanceAdlScore(d('40.2'), d('4.27'), mm).toFixed(4)).toBe('1.2634');
    expect(binanceAdlScore(d(-5), d(4), d(1)).toFixed()).toBe('0');
  });
  it('quintile lights: top 20% shows 5, bottom 20% shows 1', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((r) => adlQuintile(r, 10))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(adlQuintile(1, 1)).toBe(5);
    expect(() => adlQuintile(0, 3)).toThrow(/rank/);
  });
  it('BitMEX example: a short of 20 is liquidated; account 2 (score 6) closes 10, account 5 (score 5) 10 of its 20', () => {
    const longs = [
      [1, 10, 3],
      [2, 10, 6],
      [3, 20, 1],
      [4, 30, 4],
      [5, 20, 5],
      [6, 10, 2],
    ].map(([id, q, s]) => ({ id: id!, quantity: d(q!), score: d(s!) }));
    const fills = adlQueue(longs, d(20)).map((f) => [f.id, f.quantity.toFixed()]);
    expect(fills).toEqual([
      [2, '10'],
      [5, '10'],
    ]);
  });
});

describe('max open quantity', () => {
  const spec = contractSpec(binance, 'BTCUSDT');
  it('1 BTC at 9,253.30, 20x, mark 9,259.84: long IM 462.66, open loss 0 (Binance FAQ "Cost to open")', () => {
    const m = maxOpenQuantity({ spec, side: 'long', available: d('462.665'), leverage: d(20), price: d('9253.30'), markPrice: d('9259.84') });
    expect(m.quantity.toFixed()).toBe('1');
    expect(m.cost.toFixed(2)).toBe('462.66');
    expect(m.cost.toFixed(3)).toBe('462.665');
  });
  it('a short priced under the mark pays the open loss per unit', () => {
    const m = maxOpenQuantity({ spec, side: 'short', available: d(10000), leverage: d(20), price: d(9000), markPrice: d(9100) });
    // per unit: 9,000 / 20 + 100 = 550 -> 18.181... -> 18.181 BTC at step 0.001
    expect(m.quantity.toFixed()).toBe('18.181');
    expect(m.limitedBy).toBe('balance');
  });
  it('is capped by the tier limit at that leverage: 125x allows 50,000 USDT (2024 table)', () => {
    const m = maxOpenQuantity({ spec, side: 'long', available: d(1000000), leverage: d(125), price: d(50000), markPrice: d(50000) });
    expect(m.quantity.toFixed()).toBe('1');
    expect(m.limitedBy).toBe('bracket');
  });
});
