import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import {
  compareDecimal,
  decimalsOf,
  floorToStep,
  formatDecimal,
  formatPercent,
  parseUserDecimal,
  shiftDecimal,
  signOf,
} from '#renderer/components/format/decimal-text';

describe('formatDecimal', () => {
  it('rounds half away from zero on the text, with groups', () => {
    expect(formatDecimal('1234567.125', 2)).toBe('1,234,567.13');
    expect(formatDecimal('-1234567.125', 2)).toBe('-1,234,567.13');
    expect(formatDecimal('0.004', 2)).toBe('0.00');
    expect(formatDecimal('999.995', 2)).toBe('1,000.00');
    expect(formatDecimal('9.5', 0)).toBe('10');
    expect(formatDecimal('12', 3)).toBe('12.000');
  });

  it('keeps digits a float would lose', () => {
    expect(formatDecimal('90071992547409931.01', 2)).toBe('90,071,992,547,409,931.01');
    expect(formatDecimal('0.1000000000000000055511151231257827', 20)).toBe('0.10000000000000000555');
  });

  it('never prints a signed zero and signs PnL on request', () => {
    expect(formatDecimal('-0.001', 2)).toBe('0.00');
    expect(formatDecimal('5.1', 1, { sign: 'always' })).toBe('+5.1');
    expect(formatDecimal('-5.1', 1, { sign: 'always' })).toBe('-5.1');
    expect(formatDecimal('0', 1, { sign: 'always' })).toBe('0.0');
  });

  it('shows a dash for missing or malformed values', () => {
    expect(formatDecimal(null, 2)).toBe('—');
    expect(formatDecimal('1e5', 2)).toBe('—');
    expect(formatDecimal('abc', 2)).toBe('—');
  });

  it('agrees with decimal.js half-up rounding for any value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 8 }), (units, scale, dp) => {
        const text = new Dec(units.toString()).div(new Dec(10).pow(scale)).toFixed();
        const expected = new Dec(text).toDecimalPlaces(dp, Dec.ROUND_HALF_UP).toFixed(dp);
        const want = /^-0(\.0*)?$/.test(expected) ? expected.slice(1) : expected;
        expect(formatDecimal(text, dp, { group: false })).toBe(want);
      }),
    );
  });
});

describe('percent, sign, precision', () => {
  it('shifts the point exactly', () => {
    expect(shiftDecimal('0.0123', 2)).toBe('1.23');
    expect(shiftDecimal('5', 2)).toBe('500');
    expect(shiftDecimal('-12.5', -3)).toBe('-0.0125');
    expect(formatPercent('0.00512', 2)).toBe('0.51%');
    expect(formatPercent('-0.5', 1, { sign: 'always' })).toBe('-50.0%');
  });

  it('reads sign and tick precision', () => {
    expect(signOf('-0.0')).toBe(0);
    expect(signOf('-0.01')).toBe(-1);
    expect(signOf('3')).toBe(1);
    expect(decimalsOf('0.10')).toBe(1);
    expect(decimalsOf('0.001')).toBe(3);
    expect(decimalsOf('1')).toBe(0);
  });
});

describe('compareDecimal', () => {
  it('orders exactly like decimal.js', () => {
    const dec = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 10 })).map(([u, s]) => new Dec(u.toString()).div(new Dec(10).pow(s)).toFixed());
    fc.assert(
      fc.property(dec, dec, (a, b) => {
        expect(compareDecimal(a, b)).toBe(new Dec(a).comparedTo(new Dec(b)));
      }),
    );
  });

  it('calls equal values equal with a plain 0, negatives too (found by seed 2112427318)', () => {
    expect(compareDecimal('-1.8', '-1.8')).toBe(0);
    expect(compareDecimal('-1.80', '-1.8')).toBe(0);
    expect(compareDecimal('2.5', '2.50')).toBe(0);
  });

  it('puts missing values first', () => {
    expect(compareDecimal(null, '-5')).toBe(-1);
    expect(compareDecimal('-5', null)).toBe(1);
  });
});

describe('user input', () => {
  it('normalises typed numbers and refuses non-positive ones', () => {
    expect(parseUserDecimal('1,234.50')).toBe('1234.50');
    expect(parseUserDecimal('.5')).toBe('0.5');
    expect(parseUserDecimal('5.')).toBe('5');
    expect(parseUserDecimal('0')).toBeNull();
    expect(parseUserDecimal('-1')).toBeNull();
    expect(parseUserDecimal('1e3')).toBeNull();
  });

  it('floors to the step without floats', () => {
    expect(floorToStep('0.12345', '0.001')).toBe('0.123');
    expect(floorToStep('7', '0.5')).toBe('7.0');
    expect(floorToStep('12.9', '1')).toBe('12');
    expect(floorToStep('0.0009', '0.001')).toBe('0.000');
  });
});
