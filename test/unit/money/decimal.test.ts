import { describe, expect, it } from 'vitest';
import { Dec, DecimalInput, DecimalString, PositiveDecimalString, ceilTo, floorTo, isMultipleOf, roundTo, toWire } from '#shared/money/decimal';

describe('DecimalString', () => {
  it.each(['0', '1', '-1', '1234.5', '0.00000001', '-0.5', '100000000000.123456789'])('accepts %s', (s) => {
    expect(DecimalString.safeParse(s).success).toBe(true);
  });
  it.each(['', '1e5', '+1', ' 1', '1.', '.5', '01', 'NaN', 'Infinity', '1,000', '0x10'])('refuses %j', (s) => {
    expect(DecimalString.safeParse(s).success).toBe(false);
  });
  it('refuses numbers: money never crosses as a float', () => {
    expect(DecimalString.safeParse(0.1).success).toBe(false);
  });
});

describe('DecimalInput (CLI and hand-written documents)', () => {
  it('takes plain numbers and converts them through their shortest text', () => {
    expect(DecimalInput.parse(0.1)).toBe('0.1');
    expect(DecimalInput.parse(1e-7)).toBe('0.0000001');
    expect(DecimalInput.parse('60000.5')).toBe('60000.5');
  });
  it('refuses non-finite numbers', () => {
    expect(DecimalInput.safeParse(Number.NaN).success).toBe(false);
  });
});

describe('toWire', () => {
  it('never prints an exponent', () => {
    expect(toWire(new Dec('1e-12'))).toBe('0.000000000001');
    expect(toWire(new Dec('1.5e21'))).toBe('1500000000000000000000');
  });
  it('normalises negative zero', () => {
    expect(toWire(new Dec('-0'))).toBe('0');
  });
  it('is exact where floats are not', () => {
    expect(toWire(new Dec('0.1').plus('0.2'))).toBe('0.3');
  });
  it('refuses non-finite values', () => {
    expect(() => toWire(new Dec(Infinity))).toThrow(/non-finite/);
  });
});

describe('rounding to a step', () => {
  it('floors quantities to the step size', () => {
    expect(toWire(floorTo('1.23456', '0.001'))).toBe('1.234');
    expect(toWire(floorTo('-1.23456', '0.001'))).toBe('-1.235');
  });
  it('ceils to the step size', () => {
    expect(toWire(ceilTo('1.2341', '0.001'))).toBe('1.235');
  });
  it('rounds half to even on the tick', () => {
    expect(toWire(roundTo('100.05', '0.1'))).toBe('100');
    expect(toWire(roundTo('100.15', '0.1'))).toBe('100.2');
  });
  it('checks multiples exactly', () => {
    expect(isMultipleOf('60000.3', '0.1')).toBe(true);
    expect(isMultipleOf('60000.35', '0.1')).toBe(false);
  });
});

describe('refined decimals', () => {
  it('report a non-decimal as a bad field instead of throwing (zod 4 runs refinements after a failed base check)', () => {
    const result = PositiveDecimalString.safeParse('abc');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toMatch(/decimal string/);
  });
  it('still apply their rule to decimals', () => {
    expect(PositiveDecimalString.safeParse('0').success).toBe(false);
    expect(PositiveDecimalString.safeParse('0.1').success).toBe(true);
  });
});
