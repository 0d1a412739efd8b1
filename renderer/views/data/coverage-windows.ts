import { INTERVAL_MS, type Gap, type SeriesInfo } from '#shared/domain/market-series';

/** An unbroken stretch of a series between window boundaries (it may hold holes). */
export interface CoverageWindow {
  readonly from: number;
  /** Exclusive: the close of the window's last candle. */
  readonly to: number;
  /** Candles stored in the window. */
  readonly candles: number;
}

export interface Coverage {
  /** Separate windows (excerpts imported apart); empty when the series' gaps are not all listed. */
  readonly windows: CoverageWindow[];
  /** Gaps inside a window: candles the source is missing. */
  readonly holes: Gap[];
  readonly holeCandles: number;
}

/** Beyond this a gap is two windows whatever the runs beside it: nobody calls a month missing a hole. */
const ALWAYS_SEPARATE_MS = 30 * 24 * 3_600_000;

/**
 * Tells windows apart from holes. A gap longer than the shorter of the two stored runs beside it
 * (or than a month) separates windows: two 2-hour excerpts five years apart are two windows, not
 * "1 gap of 2.9 million candles". A shorter one is a hole inside a window: the October 2025 mark
 * series missing the 4th (288 candles between runs of 864 and 7,776) has a hole.
 */
export function coverageWindows(s: SeriesInfo): Coverage {
  if (s.from === null || s.to === null || s.gaps.length < s.gapCount) return { windows: [], holes: s.gaps, holeCandles: s.missing };
  const step = INTERVAL_MS[s.interval];
  // The stored runs between consecutive gaps.
  const runs: { from: number; to: number }[] = [];
  let start = s.from;
  for (const g of s.gaps) {
    runs.push({ from: start, to: g.from });
    start = g.to + step;
  }
  runs.push({ from: start, to: s.to + step });
  const separates = s.gaps.map((g, i) => {
    const span = g.to + step - g.from;
    const shorter = Math.min(runs[i]!.to - runs[i]!.from, runs[i + 1]!.to - runs[i + 1]!.from);
    return span > shorter || span >= ALWAYS_SEPARATE_MS;
  });
  const windows: CoverageWindow[] = [];
  const holes: Gap[] = [];
  let from = runs[0]!.from;
  let candles = (runs[0]!.to - runs[0]!.from) / step;
  s.gaps.forEach((g, i) => {
    const next = runs[i + 1]!;
    if (separates[i]) {
      windows.push({ from, to: runs[i]!.to, candles });
      from = next.from;
      candles = 0;
    } else {
      holes.push(g);
    }
    candles += (next.to - next.from) / step;
  });
  windows.push({ from, to: runs[runs.length - 1]!.to, candles });
  return { windows, holes, holeCandles: holes.reduce((n, h) => n + h.missing, 0) };
}
