import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { pathFromDailyPrices, simulateToken, triggerMove, type RebalanceRule } from '#shared/risk/index';

/** The need-based band with a variable target (our model of Binance's unpublished rule). */
type Band = Extract<RebalanceRule, { kind: 'leverage-band' }>;
const band = (follow: string | null, daily = false): Band => ({
  kind: 'leverage-band',
  maxAbsLeverage: new Dec(4),
  minAbsLeverage: new Dec('1.25'),
  rebalanceTo: new Dec(3),
  ...(follow !== null ? { targetFollow: new Dec(follow) } : {}),
  daily,
});
const costs = { managementFeePerDay: new Dec(0), fundingPerDay: new Dec(0) };
const path = (closes: (number | string)[]) => pathFromDailyPrices(closes.map((c) => new Dec(c)));

describe('need-based band with a variable target', () => {
  it('after a fall to 4x goes back only part of the way: 3 + 0.5 (4 - 3) = 3.5x, so the next trigger is nearer', () => {
    const r = simulateToken(path([100, 80]), new Dec(3), band('0.5'), costs);
    const first = r.events[0]!;
    expect(first.reason).toBe('threshold');
    // 3x reaches 4x after -11.11% (x 8/9).
    expect(first.price.toFixed(6)).toBe(new Dec(100).mul(new Dec(1).plus(triggerMove(new Dec(3), new Dec(4)))).toFixed(6));
    expect(first.leverageAfter.toFixed(12)).toBe('3.500000000000');
    // From 3.5x the band's 4x is only -4.76% away.
    const second = r.events[1]!;
    expect(second.price.div(first.price).minus(1).toFixed(6)).toBe(triggerMove(new Dec('3.5'), new Dec(4)).toFixed(6));
    expect(second.leverageAfter.toFixed(12)).toBe('3.500000000000');
  });

  it('after a rise to 1.25x goes to 3 + 0.5 (1.25 - 3) = 2.125x; a short token keeps its sign', () => {
    // 3x falls to 1.25x after +233% (triggerMove(3, 1.25)).
    const up = simulateToken(path([100, 400]), new Dec(3), band('0.5'), costs);
    expect(up.events[0]!.leverageAfter.toFixed(12)).toBe('2.125000000000');
    const short: Band = { ...band('0.5'), rebalanceTo: new Dec(-3) };
    const down = simulateToken(path([100, 60]), new Dec(-3), short, costs);
    expect(down.events[0]!.leverageAfter.toFixed(12)).toBe('-2.125000000000');
  });

  it('follow 0 is the fixed target, and following the drift changes the outcome and the rebalance count', () => {
    const closes = [100, 90, 82, 95, 120, 101, 87, 110, 140, 118];
    const fixed = simulateToken(path(closes), new Dec(3), band(null), costs);
    const zero = simulateToken(path(closes), new Dec(3), band('0'), costs);
    const variable = simulateToken(path(closes), new Dec(3), band('0.6'), costs);
    expect(zero.valueEnd.eq(fixed.valueEnd)).toBe(true);
    expect(zero.rebalances).toBe(fixed.rebalances);
    expect(variable.valueEnd.eq(fixed.valueEnd)).toBe(false);
    expect(variable.events.every((e) => e.leverageAfter.abs().gt('1.25') && e.leverageAfter.abs().lt(4))).toBe(true);
    expect(new Set(variable.events.map((e) => e.leverageAfter.toFixed())).size).toBeGreaterThan(1);
  });

  it('refuses a follow outside [0, 1)', () => {
    expect(() => simulateToken(path([100, 90]), new Dec(3), band('1'), costs)).toThrow(/targetFollow/);
  });
});
