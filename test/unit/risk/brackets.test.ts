import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import {
  bracketForNotional,
  bracketsFromStated,
  checkStatedBrackets,
  deriveBrackets,
  maintenanceMargin,
  maxLeverageForNotional,
  maxNotionalForLeverage,
  RiskInputError,
} from '#shared/risk/index';
import { BINANCE_BTCUSDT_2021, BINANCE_BTCUSDT_2024 } from '#shared/risk/profiles/bracket-tables';

const d = (x: string | number) => new Dec(x);

describe('deriveBrackets: cum_k = cum_{k-1} + floor_k x (mmr_k - mmr_{k-1})', () => {
  it('derives the 2021-03-18 BTCUSDT maintenance amounts (tokens-and-sizing.md 3.2; gist highfestiva/b71e76f5)', () => {
    const cums = deriveBrackets(BINANCE_BTCUSDT_2021).map((b) => b.maintenanceAmount.toFixed());
    expect(cums).toEqual(['0', '50', '1300', '16300', '266300', '1266300', '2516300', '5016300', '25016300', '100016300']);
  });

  it("reproduces Binance's own worked example: 250,000 x (1% - 0.5%) + 50 = 1,300 (FAQ b3c689c1)", () => {
    expect(deriveBrackets(BINANCE_BTCUSDT_2021)[2]!.maintenanceAmount.toFixed()).toBe('1300');
  });

  it('accepts the archived 2024 leverageBracket table, whose stated cums satisfy the recurrence (exchange-mechanics.md 1.3)', () => {
    expect(checkStatedBrackets(BINANCE_BTCUSDT_2024)).toEqual([]);
    expect(bracketsFromStated(BINANCE_BTCUSDT_2024)[11]!.maintenanceAmount.toFixed()).toBe('421481450');
  });

  it('refuses a stated table whose cum breaks continuity, naming the tier and the jump', () => {
    const broken = BINANCE_BTCUSDT_2024.map((r, i) => (i === 3 ? { ...r, cum: '11400' } : r));
    const issues = checkStatedBrackets(broken);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.tier).toBe(4);
    expect(issues[0]!.jumpAtFloor.toFixed()).toBe('50');
    expect(() => bracketsFromStated(broken)).toThrow(/brackets\.3\.cum: tier 4 states maintenance amount 11400 but continuity requires 11450/);
  });

  it('refuses gaps, falling rates and rising leverage', () => {
    expect(() => deriveBrackets([{ floor: 0, cap: 10, maxLeverage: 20, mmr: '0.01' }, { floor: 11, cap: 20, maxLeverage: 10, mmr: '0.02' }])).toThrow(
      /brackets\.1\.floor/,
    );
    expect(() => deriveBrackets([{ floor: 0, cap: 10, maxLeverage: 20, mmr: '0.02' }, { floor: 10, cap: 20, maxLeverage: 10, mmr: '0.01' }])).toThrow(
      /brackets\.1\.mmr/,
    );
    expect(() => deriveBrackets([{ floor: 0, cap: 10, maxLeverage: 20, mmr: '0.01' }, { floor: 10, cap: 20, maxLeverage: 50, mmr: '0.02' }])).toThrow(
      RiskInputError,
    );
    expect(() => deriveBrackets([])).toThrow(/at least one tier/);
  });
});

describe('bracket lookup (floor < N <= cap)', () => {
  const table = bracketsFromStated(BINANCE_BTCUSDT_2024);
  it('puts a boundary notional in the lower tier, where both tiers give the same MM', () => {
    expect(bracketForNotional(table, d(50000)).tier).toBe(1);
    expect(bracketForNotional(table, d('50000.01')).tier).toBe(2);
    const below = d(50000).mul(table[0]!.maintenanceMarginRate).minus(table[0]!.maintenanceAmount);
    const above = d(50000).mul(table[1]!.maintenanceMarginRate).minus(table[1]!.maintenanceAmount);
    expect(below.eq(above)).toBe(true);
  });
  it('computes MM = N x mmr - cum: 100,000 notional -> 450 (tier 2)', () => {
    expect(maintenanceMargin(table, d(100000)).toFixed()).toBe('450');
  });
  it('gives max leverage by notional and the max notional by leverage', () => {
    expect(maxLeverageForNotional(table, d(100000)).toFixed()).toBe('100');
    expect(maxNotionalForLeverage(table, d(20)).toFixed()).toBe('100000000');
    expect(maxNotionalForLeverage(table, d(125)).toFixed()).toBe('50000');
    expect(maxNotionalForLeverage(table, d(126)).toFixed()).toBe('0');
  });
  it('uses the last tier past the table and tier 1 at or below zero', () => {
    expect(bracketForNotional(table, d('5e9')).tier).toBe(12);
    expect(bracketForNotional(table, d(0)).tier).toBe(1);
  });
});
