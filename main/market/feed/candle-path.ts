import type { StoredCandle } from '../../store/market-candles-repo';
import type { PriceGrid } from '../price/price-grid';

const WAYPOINTS = 4;

/**
 * A price path through stored candles, as a function of time. Inside each candle the path visits
 * open -> the extreme NEARER to the open -> the other extreme -> close, at 0, 1/4, 1/2 and 3/4
 * of the interval, and runs in a straight line between them (then on to the next candle's open).
 * This is the shortest path that touches every OHLC value once; nearer-extreme-first is the
 * usual backtesting assumption, and on a tie the low comes first (the harsher order for longs).
 * Between waypoints the price is rounded to the tick; the waypoints themselves are the stored
 * values, exactly. A missing candle (a gap) holds the previous close.
 *
 * With a `guide` (a finer path of the same market, e.g. 1m last under a 5m mark), a candle's high
 * and low are placed when the guide reaches ITS high and low inside the candle, and the close at
 * the guide's last waypoint; between waypoints the path follows the guide's shape, scaled by a
 * ratio interpolated between the waypoints' ratios and kept inside the candle's low..high. The
 * coarse series then moves when the market moved, instead of drawing straight lines across a
 * crash (a straight 5m mark would sit 5 % away from the 1m last it belongs to).
 */
export class CandlePath {
  private readonly opens: Float64Array;
  /** Per candle: 4 waypoint times and 4 values (units). */
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private readonly lows: Float64Array;
  private readonly highs: Float64Array;
  private readonly byTime = new Map<number, number>();
  private readonly guide: CandlePath | undefined;

  constructor(
    candles: readonly StoredCandle[],
    private readonly intervalMs: number,
    private readonly grid: PriceGrid,
    /** Round between waypoints to the grid's tick (a last price) or keep every unit (a mark series). */
    private readonly roundToTick: boolean,
    guide?: CandlePath,
  ) {
    if (candles.length === 0) throw new RangeError('a candle path needs at least one candle');
    const q = intervalMs / 4;
    this.guide = guide;
    this.lows = new Float64Array(candles.length);
    this.highs = new Float64Array(candles.length);
    this.opens = new Float64Array(candles.length);
    this.times = new Float64Array(candles.length * WAYPOINTS);
    this.values = new Float64Array(candles.length * WAYPOINTS);
    candles.forEach((c, i) => {
      const o = grid.units(c.open);
      const h = grid.units(c.high);
      const l = grid.units(c.low);
      const cl = grid.units(c.close);
      this.opens[i] = c.t;
      this.lows[i] = l;
      this.highs[i] = h;
      this.byTime.set(c.t, i);
      const guided = guide?.extremes(c.t, c.t + intervalMs);
      let points: [number, number][];
      if (guided && guided.close > c.t) {
        const ext: [number, number][] = [
          [guided.maxAt, h],
          [guided.minAt, l],
        ];
        ext.sort((a, b) => a[0] - b[0] || (a[1] === l ? -1 : 1));
        points = [[c.t, o], ...ext, [guided.close, cl]];
        // Waypoint times must rise strictly; an extreme at the open still gets its own instant.
        for (let k = 1; k < WAYPOINTS; k++) points[k]![0] = Math.max(points[k]![0], points[k - 1]![0] + 1);
        if (points[3]![0] >= c.t + intervalMs) points = quarters(c.t, q, o, h, l, cl);
      } else {
        points = quarters(c.t, q, o, h, l, cl);
      }
      points.forEach(([t, v], k) => {
        this.times[i * WAYPOINTS + k] = t;
        this.values[i * WAYPOINTS + k] = v;
      });
    });
  }

  /** Units at time t. Before the first candle: its open. */
  at(t: number): number {
    const i = this.find(t);
    if (i < 0) return this.values[0]!;
    const open = this.opens[i]!;
    const base = i * WAYPOINTS;
    if (t >= open + this.intervalMs) return this.values[base + 3]!; // in a gap after candle i: hold its close
    let seg = 0;
    while (seg < 3 && this.times[base + seg + 1]! <= t) seg += 1;
    const from = this.values[base + seg]!;
    const t0 = this.times[base + seg]!;
    let to: number;
    let t1: number;
    if (seg < 3) {
      to = this.values[base + seg + 1]!;
      t1 = this.times[base + seg + 1]!;
    } else {
      const next = this.byTime.get(open + this.intervalMs);
      to = next === undefined ? from : this.values[next * WAYPOINTS]!;
      t1 = open + this.intervalMs;
    }
    if (t === t0) return from;
    const frac = (t - t0) / (t1 - t0);
    if (this.guide) {
      const g = this.guide;
      const r0 = from / g.at(t0);
      const r1 = to / g.at(Math.min(t1, g.lastTime));
      const v = g.at(t) * (r0 + (r1 - r0) * frac);
      return Math.round(Math.min(this.highs[i]!, Math.max(this.lows[i]!, v)));
    }
    if (from === to) return from;
    const v = from + (to - from) * frac;
    return this.roundToTick ? this.grid.roundUnits(v) : Math.round(v);
  }

  /** Time of the path's last waypoint. */
  get lastTime(): number {
    return this.times[this.times.length - 1]!;
  }

  /** When this path is highest and lowest in [from, to) (first time, by waypoints), and its last waypoint there. */
  extremes(from: number, to: number): { maxAt: number; minAt: number; close: number } | null {
    let i = this.find(from);
    if (i < 0 || this.opens[i]! < from) i += 1;
    let maxAt = -1;
    let minAt = -1;
    let max = -Infinity;
    let min = Infinity;
    let close = -1;
    for (; i < this.opens.length && this.opens[i]! < to; i++) {
      for (let k = 0; k < WAYPOINTS; k++) {
        const t = this.times[i * WAYPOINTS + k]!;
        const v = this.values[i * WAYPOINTS + k]!;
        if (v > max) [max, maxAt] = [v, t];
        if (v < min) [min, minAt] = [v, t];
        close = t;
      }
    }
    return close < 0 ? null : { maxAt, minAt, close };
  }

  /** Index of the last candle opening at or before t, or -1. */
  private find(t: number): number {
    const first = this.opens[0]!;
    const guess = Math.floor((t - first) / this.intervalMs);
    if (guess < 0) return -1;
    if (guess < this.opens.length && this.opens[guess] === first + guess * this.intervalMs) return guess;
    let lo = 0;
    let hi = this.opens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.opens[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.opens[lo]! <= t ? lo : -1;
  }
}

function quarters(t: number, q: number, o: number, h: number, l: number, c: number): [number, number][] {
  const highFirst = h - o < o - l;
  return [
    [t, o],
    [t + q, highFirst ? h : l],
    [t + 2 * q, highFirst ? l : h],
    [t + 3 * q, c],
  ];
}
