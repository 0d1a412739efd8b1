import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { MAX_PATH_POINTS, RiskInputError, pathFromDailyPrices, pathFromIntraday, simulateToken } from '#shared/risk/index';

const d = (x: string | number) => new Dec(x);
const noCosts = { managementFeePerDay: d(0), fundingPerDay: d(0) };

function refusal(fn: () => unknown): RiskInputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof RiskInputError) return err;
    throw err;
  }
  throw new Error('expected a RiskInputError');
}

describe('token simulation limits (the risk core refuses them for every caller, not only the CLI)', () => {
  it('a path of more daily prices than MAX_PATH_POINTS is refused naming the field', () => {
    const prices = Array.from({ length: MAX_PATH_POINTS + 1 }, () => d(100));
    const err = refusal(() => pathFromDailyPrices(prices, 'series'));
    expect(err.field).toBe('series');
    expect(err.message).toContain('at most 100,000 prices (this path has 100,001)');
  });

  it('an intraday path is counted by its vertices in all', () => {
    const days = Array.from({ length: MAX_PATH_POINTS / 2 + 1 }, () => [d(100), d(101)]);
    expect(refusal(() => pathFromIntraday(days)).field).toBe('intradayPath');
    expect(pathFromIntraday(days.slice(1)).days).toHaveLength(MAX_PATH_POINTS / 2);
  });

  it('a rebalanceTo on the other side of the leverage is refused, not flipped', () => {
    const path = pathFromDailyPrices([d(100), d(110)]);
    const err = refusal(() => simulateToken(path, d(-3), { kind: 'leverage-band', maxAbsLeverage: d(4), rebalanceTo: d(3), daily: true }, noCosts));
    expect(err.field).toBe('rebalance.rebalanceTo');
    const short = simulateToken(path, d(-3), { kind: 'leverage-band', maxAbsLeverage: d(4), rebalanceTo: d(-3), daily: true }, noCosts);
    expect(short.valueEnd.lt(1)).toBe(true);
  });
});
