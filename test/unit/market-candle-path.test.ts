import { describe, expect, it } from 'vitest';
import type { DecimalString } from '#shared/money/decimal';
import { CandlePath } from '#main/market/feed/candle-path';
import { PriceGrid } from '#main/market/price/price-grid';
import type { StoredCandle } from '#main/store/market-candles-repo';

const M = 60_000;
const c = (t: number, o: string, h: string, l: string, cl: string): StoredCandle => ({
  t,
  open: o as DecimalString,
  high: h as DecimalString,
  low: l as DecimalString,
  close: cl as DecimalString,
  volume: '1' as DecimalString,
});
const grid = PriceGrid.forTick('0.1', 2);
const at = (p: CandlePath, t: number): string => grid.text(p.at(t));

describe('intra-candle path', () => {
  it('visits open, the nearer extreme, the other extreme and close at the quarters', () => {
    // The high (+2) is nearer the open than the low (-10): high first.
    const p = new CandlePath([c(0, '100.00', '102.00', '90.00', '95.00')], 4 * M, grid, true);
    expect([0, M, 2 * M, 3 * M].map((t) => at(p, t))).toEqual(['100.00', '102.00', '90.00', '95.00']);
    // Straight lines between, rounded to the 0.1 tick.
    expect(at(p, M / 2)).toBe('101.00');
    expect(at(p, M + M / 3)).toBe('98.00');
  });

  it('goes to the low first when it is nearer, and on a tie', () => {
    const near = new CandlePath([c(0, '100.00', '110.00', '99.00', '105.00')], 4 * M, grid, true);
    expect([M, 2 * M].map((t) => at(near, t))).toEqual(['99.00', '110.00']);
    const tie = new CandlePath([c(0, '100.00', '105.00', '95.00', '100.00')], 4 * M, grid, true);
    expect([M, 2 * M].map((t) => at(tie, t))).toEqual(['95.00', '105.00']);
  });

  it("runs from one close to the next candle's open, and holds the close across a gap", () => {
    const p = new CandlePath([c(0, '100.00', '101.00', '99.00', '100.00'), c(4 * M, '102.00', '103.00', '101.00', '102.00'), c(12 * M, '90.00', '90.00', '90.00', '90.00')], 4 * M, grid, true);
    expect(at(p, 3 * M + M / 2)).toBe('101.00');
    expect(at(p, 9 * M)).toBe('102.00');
    expect(at(p, 12 * M)).toBe('90.00');
  });

  it('never leaves the candle: every value lies within low..high', () => {
    const candles = [c(0, '100.00', '104.30', '97.70', '101.10'), c(4 * M, '101.20', '101.90', '95.10', '95.50')];
    const p = new CandlePath(candles, 4 * M, grid, true);
    for (let t = 0; t < 4 * M; t += 1000) {
      expect(p.at(t)).toBeGreaterThanOrEqual(9770);
      expect(p.at(t)).toBeLessThanOrEqual(10430);
    }
  });

  it('with a guide, places the extremes when the finer path made its own, and stays within low..high', () => {
    // 1m guide: the low comes in the 4th minute; a straight 4m path would put it at the first quarter.
    const fine = new CandlePath(
      [c(0, '100.00', '100.50', '99.80', '100.20'), c(M, '100.20', '100.40', '99.90', '100.00'), c(2 * M, '100.00', '100.10', '99.50', '99.60'), c(3 * M, '99.60', '99.70', '95.00', '96.00')],
      M,
      grid,
      true,
    );
    const markGrid = new PriceGrid(8, '0.00000001');
    const coarse = new CandlePath([c(0, '100.00000000', '100.40000000', '95.50000000', '96.20000000')], 4 * M, markGrid, false, fine);
    const lowAt = 3 * M + M / 2; // the guide's own low: its 4th candle goes high (nearer) first, then low
    const guideLow = fine.extremes(0, 4 * M)!.minAt;
    expect(guideLow).toBe(lowAt);
    expect(markGrid.text(coarse.at(lowAt))).toBe('95.50000000');
    for (let t = 0; t < 4 * M; t += 5000) {
      expect(coarse.at(t)).toBeGreaterThanOrEqual(9_550_000_000);
      expect(coarse.at(t)).toBeLessThanOrEqual(10_040_000_000);
    }
    // Two minutes in, the guide is near 100, so the mark is too (a straight line would be near 97).
    expect(markGrid.toFloat(coarse.at(2 * M))).toBeGreaterThan(99);
  });
});
