import { describe, expect, it } from 'vitest';
import { getProfile, maxSafeLeverage, sizePosition, stopLeverageBound, stopSafety, type SizingInput } from '#shared/risk/index';
import { d } from './helpers';

const binance = getProfile('binance-usdm');

function sizing(over: Partial<SizingInput>): SizingInput {
  return { profile: binance, symbol: 'BTCUSDT', side: 'long', equity: d(100000), riskFraction: d('0.02'), entry: d(40), stop: d(38), leverage: d(10), marginMode: 'isolated', ...over };
}

describe('fixed-fractional sizing (tokens-and-sizing.md 3.1)', () => {
  it('Elder: $100,000, buy 40, stop 38, 2% -> 1,000 shares', () => {
    const r = sizePosition(sizing({}));
    expect(r.quantity.toFixed()).toBe('1000');
    expect(r.riskCash.toFixed()).toBe('2000');
    expect(r.cappedBy).toEqual([]);
  });

  it('Elder: $200,000, buy 30, stop 26, 2% -> 1,000 shares', () => {
    expect(sizePosition(sizing({ equity: d(200000), entry: d(30), stop: d(26) })).quantity.toFixed()).toBe('1000');
  });

  it('leverage-cap-binding (computed): equity 10,000, 2%, entry 100, stop 99, max 1.5x -> 150 units, 1.5% at risk', () => {
    const r = sizePosition(sizing({ equity: d(10000), entry: d(100), stop: d(99), leverage: d(10), maxLeverage: d('1.5') }));
    expect(r.quantity.toFixed()).toBe('150');
    expect(r.riskFractionTaken.toFixed()).toBe('0.015');
    expect(r.cappedBy).toEqual(['maxLeverage']);
    expect(r.cappedByLeverage).toBe(true);
  });

  it('includes fees and stop slippage in the loss per unit: d = |entry - fill| + fee_in x entry + fee_out x fill', () => {
    const r = sizePosition(
      sizing({ equity: d(10000), riskFraction: d('0.01'), entry: d(60000), stop: d(58000), leverage: d(5), fees: { entryRate: d('0.0005'), exitRate: d('0.0005'), stopSlippageRate: d('0.001') } }),
    );
    expect(r.stopFillPrice.toFixed()).toBe('57942');
    // 2,058 + 30 + 28.971
    expect(r.lossPerUnit.toFixed()).toBe('2116.971');
    expect(r.quantity.toFixed()).toBe('0.047');
    expect(r.riskCash.lte(r.riskBudget)).toBe(true);
  });

  it('a short sizes the same way with the stop above', () => {
    const r = sizePosition(sizing({ side: 'short', entry: d(3000), stop: d(3150), symbol: 'ETHUSDT', equity: d(10000), riskFraction: d('0.01'), leverage: d(5) }));
    expect(r.quantity.toFixed()).toBe('0.666');
  });

  it('refuses a stop on the wrong side, naming the field', () => {
    expect(() => sizePosition(sizing({ stop: d(41) }))).toThrow(/^stop: a long stop must be below the entry/);
    expect(() => sizePosition(sizing({ riskFraction: d(0) }))).toThrow(/riskFraction/);
  });
});

describe('the stop must sit before liquidation (tokens-and-sizing.md 3.3)', () => {
  const longCheck = { profile: binance, symbol: 'BTCUSDT', side: 'long' as const, quantity: d('0.1'), entry: d(60000), stopFill: d(56000), marginMode: 'isolated' as const, walletBalance: d(100000) };

  it('stop-beyond-liquidation-check: long 60,000, stop 56,000, MMR 0.4%: 20x LP 57,228.92 -> reject', () => {
    const r = stopSafety(longCheck, d(20));
    expect(r.liquidationPrice!.toFixed(2)).toBe('57228.92');
    expect(r.stopBeforeLiquidation).toBe(false);
  });

  it('... the limit is 14.2x, so 14x (LP 55,938.04, 61.96 below the stop)', () => {
    expect(stopLeverageBound('long', d(60000), d(56000), d('0.004'))!.toFixed(4)).toBe('14.2045');
    expect(maxSafeLeverage(longCheck)!.toFixed()).toBe('14');
    const at14 = stopSafety(longCheck, d(14));
    expect(at14.liquidationPrice!.toFixed(2)).toBe('55938.04');
    expect(at14.buffer!.toFixed(2)).toBe('61.96');
  });

  it('stop-vs-liquidation-short: short 3,000, stop 3,150 (MMR 0.5%): 25x LP 3,104.48 -> reject; max 18x (LP 3,150.91)', () => {
    const shortCheck = {
      profile: binance,
      symbol: 'ETHUSDT',
      side: 'short' as const,
      quantity: d(1),
      entry: d(3000),
      stopFill: d(3150),
      marginMode: 'isolated' as const,
      walletBalance: d(100000),
      maintenanceOverride: { rate: d('0.005'), amount: d(0) },
    };
    expect(stopSafety(shortCheck, d(25)).liquidationPrice!.toFixed(2)).toBe('3104.48');
    expect(stopSafety(shortCheck, d(25)).stopBeforeLiquidation).toBe(false);
    expect(maxSafeLeverage(shortCheck)!.toFixed()).toBe('18');
    expect(stopSafety(shortCheck, d(18)).liquidationPrice!.toFixed(2)).toBe('3150.91');
  });

  it('sizePosition reports the check and the highest safe leverage', () => {
    const r = sizePosition(sizing({ equity: d(10000), riskFraction: d('0.01'), entry: d(60000), stop: d(56000), leverage: d(20) }));
    expect(r.stopBeforeLiquidation).toBe(false);
    expect(r.maxSafeLeverage!.toFixed()).toBe('14');
  });

  it('in cross mode the whole wallet backs the position: the leverage setting does not move the LP', () => {
    const cross = { ...longCheck, marginMode: 'cross' as const, walletBalance: d(1000) };
    expect(stopSafety(cross, d(5)).liquidationPrice!.eq(stopSafety(cross, d(50)).liquidationPrice!)).toBe(true);
    expect(maxSafeLeverage(cross)!.toFixed()).toBe('125');
  });
});
