import { describe, expect, it } from 'vitest';
import type { SeriesInfo } from '#shared/domain/market-series';
import { coverageWindows } from '../../../renderer/views/data/coverage-windows';

const MIN = 60_000;
const series = (p: Partial<SeriesInfo>): SeriesInfo => ({ id: 1, venue: 'binance', symbol: 'BTCUSDT', interval: '1m', kind: 'trade', rows: 0, from: null, to: null, gaps: [], gapCount: 0, missing: 0, origin: 'import', ...p }) as SeriesInfo;

describe('coverage: windows and holes', () => {
  it('two 2-hour excerpts five years apart are two windows with no hole', () => {
    const a = Date.parse('2020-03-13T01:00:00Z');
    const b = Date.parse('2025-10-10T20:00:00Z');
    const gap = { from: a + 120 * MIN, to: b - MIN, missing: (b - a) / MIN - 120 };
    const c = coverageWindows(series({ from: a, to: b + 119 * MIN, rows: 240, gaps: [gap], gapCount: 1, missing: gap.missing }));
    expect(c.windows).toEqual([
      { from: a, to: a + 120 * MIN, candles: 120 },
      { from: b, to: b + 120 * MIN, candles: 120 },
    ]);
    expect(c.holes).toEqual([]);
  });

  it('a missing day inside a month is a hole in one window', () => {
    const step = 5 * MIN;
    const a = Date.parse('2025-10-01T00:00:00Z');
    const day = 288 * step;
    const gap = { from: a + 3 * day, to: a + 4 * day - step, missing: 288 };
    const c = coverageWindows(series({ interval: '5m', from: a, to: a + 31 * day - step, rows: 30 * 288, gaps: [gap], gapCount: 1, missing: 288 }));
    expect(c.windows).toEqual([{ from: a, to: a + 31 * day, candles: 30 * 288 }]);
    expect(c.holes).toEqual([gap]);
    expect(c.holeCandles).toBe(288);
  });

  it('cannot tell when the gaps are not all listed: no windows, every listed gap shown', () => {
    const c = coverageWindows(series({ from: 0, to: 100 * MIN, gaps: [{ from: MIN, to: MIN, missing: 1 }], gapCount: 5, missing: 9 }));
    expect(c.windows).toEqual([]);
    expect(c.holeCandles).toBe(9);
  });
});
