import { describe, expect, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { fundingRate, premiumFromImpact } from '#main/market/price/funding-model';
import { computeIndex, medianOf, type IndexSource } from '#main/market/price/index-price';
import { computeMark, median3 } from '#main/market/price/mark-price';

const d = (x: string | number): Dec => new Dec(x);
const src = (venue: string, price: string, weight = 1, updatedAt = 0): IndexSource => ({ venue, price: d(price), weight: d(weight), updatedAt });
const rules = { band: d('0.01'), outlier: 'clip' as const, staleMs: 300_000 };

describe('price index', () => {
  it('is the weighted mean of fresh sources inside the band', () => {
    const r = computeIndex([src('a', '100', 3), src('b', '100.5', 1), src('c', '99.9', 1)], 0, rules);
    expect(r.index!.toString()).toBe('100.08');
    expect(r.outliers).toEqual([]);
  });

  it('clips a wicking venue to the band: the index moves by at most band × its weight share', () => {
    const calm = computeIndex([src('a', '100', 30), src('b', '100', 25), src('c', '100', 20), src('d', '100', 15), src('e', '100', 10)], 0, rules);
    const wick = computeIndex([src('a', '100', 30), src('b', '90', 25), src('c', '100', 20), src('d', '100', 15), src('e', '100', 10)], 0, rules);
    expect(wick.outliers).toEqual(['b']);
    // b is clipped to 99 (median 100 × 0.99): index = 100 - 1 × 25/100.
    expect(wick.index!.toString()).toBe('99.75');
    expect(calm.index!.minus(wick.index!).div(calm.index!).toNumber()).toBeLessThanOrEqual(0.01 * 0.25);
  });

  it("drops outliers with 'drop', and falls back to the median when more than one is out", () => {
    const one = computeIndex([src('a', '100'), src('b', '90'), src('c', '101')], 0, { ...rules, outlier: 'drop' });
    expect(one.index!.toString()).toBe('100.5');
    const two = computeIndex([src('a', '100'), src('b', '90'), src('c', '110'), src('d', '100.2')], 0, { ...rules, outlier: 'drop' });
    expect([...two.outliers].sort()).toEqual(['b', 'c']);
    expect(two.index!.toString()).toBe('100.1');
  });

  it('gives a stale source weight 0, and says so when every source is stale', () => {
    const r = computeIndex([src('a', '100', 1, 0), src('b', '50', 1, -300_001)], 0, rules);
    expect(r.stale).toEqual(['b']);
    expect(r.index!.toString()).toBe('100');
    expect(computeIndex([src('a', '100', 1, -400_000)], 0, rules).index).toBeNull();
  });

  it('rounds half-even to 8 decimals', () => {
    expect(computeIndex([src('a', '1'), src('b', '1'), src('c', '2')], 0, { ...rules, band: d('1') }).index!.toString()).toBe('1.33333333');
  });

  it('medians', () => {
    expect(medianOf([d(3), d(1), d(2)]).toString()).toBe('2');
    expect(medianOf([d(4), d(1), d(2), d(3)]).toString()).toBe('2.5');
    expect(median3(d(3), d(1), d(2)).toString()).toBe('2');
    expect(median3(d(1), d(3), d(2)).toString()).toBe('2');
    expect(median3(d(2), d(2), d(9)).toString()).toBe('2');
  });
});

describe('mark price', () => {
  it("reproduces the reference's worked example (exchange-mechanics §7)", () => {
    const m = computeMark({
      index: d(60000),
      last: d(60020),
      fundingRate: d('0.0001'),
      toFundingMs: 2 * 3_600_000,
      fundingIntervalMs: 8 * 3_600_000,
      basisAverage: d(12),
      basisCap: d('0.01'),
    });
    expect(m.price1.toString()).toBe('60001.5');
    expect(m.price2.toString()).toBe('60012');
    expect(m.mark.toString()).toBe('60012');
  });

  it('caps the basis average, so a wick on last moves the mark by at most the cap', () => {
    const m = computeMark({ index: d(60000), last: d(54000), fundingRate: d('0.0001'), toFundingMs: 0, fundingIntervalMs: 1, basisAverage: d(-1200), basisCap: d('0.01') });
    expect(m.price2.toString()).toBe('59400');
    expect(m.mark.toString()).toBe('59400');
  });
});

describe('funding', () => {
  // exchange-mechanics §6.1: the computed table.
  const table: [string, string][] = [
    ['0.0003', '0.0001'],
    ['0', '0.0001'],
    ['0.001', '0.0005'],
    ['-0.0008', '-0.0003'],
    ['-0.0004', '0.0001'],
  ];
  for (const [p, f] of table) {
    it(`P̄ ${p} gives F ${f}`, () => {
      expect(fundingRate(d(p), { interest: d('0.0001'), clamp: d('0.0005'), cap: d('0.003') }).toString()).toBe(new Dec(f).toString());
    });
  }

  it('caps the rate and starts an interval at the interest rate', () => {
    expect(fundingRate(d('0.01'), { interest: d('0.0001'), clamp: d('0.0005'), cap: d('0.003') }).toString()).toBe('0.003');
    expect(fundingRate(null, { interest: d('0.0001'), clamp: d('0.0005'), cap: d('0.003') }).toString()).toBe('0.0001');
  });

  it("reproduces the reference's premium example: index 60,000, impact bid 60,030, ask 60,045 -> +0.05 %", () => {
    expect(premiumFromImpact(d(60030), d(60045), d(60000)).toString()).toBe('0.0005');
    expect(premiumFromImpact(d(59950), d(59970), d(60000)).toString()).toBe('-0.0005');
    expect(premiumFromImpact(d(59990), d(60010), d(60000)).toString()).toBe('0');
  });
});
