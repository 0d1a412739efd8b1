/** One stretch of the price path: the extremes of last and the closing last and mark. */
export interface PathPoint {
  t: number;
  last: number;
  mark: number;
  low: number;
  high: number;
  /** The exact mark at the stretch's last tick (notional at that time = quantity × this). */
  markText: string;
}

/**
 * The last/mark path drawn over the heatmap, bounded however long the replay: past `limit`
 * points, neighbours are merged in pairs (the resolution halves, the extremes stay).
 */
export class PricePath {
  private points: PathPoint[] = [];
  private spanMs = 0;

  constructor(private readonly limit = 4096) {}

  add(t: number, last: number, mark: number, markText: string): void {
    const tail = this.points[this.points.length - 1];
    if (tail && this.spanMs > 0 && Math.floor(t / this.spanMs) === Math.floor(tail.t / this.spanMs)) {
      tail.t = t;
      tail.last = last;
      tail.mark = mark;
      tail.markText = markText;
      if (last < tail.low) tail.low = last;
      if (last > tail.high) tail.high = last;
      return;
    }
    this.points.push({ t, last, mark, low: last, high: last, markText });
    if (this.points.length > this.limit) this.halve();
  }

  truncate(t: number): void {
    this.points = this.points.filter((p) => p.t < t);
  }

  clear(): void {
    this.points = [];
    this.spanMs = 0;
  }

  /** Puts a rebuilt past in front of the points recorded since (a reopened workspace's history). */
  adopt(before: readonly PathPoint[]): void {
    const first = this.points[0]?.t ?? Number.POSITIVE_INFINITY;
    const kept = this.points;
    this.points = [];
    this.spanMs = 0;
    for (const p of before) if (p.t < first) this.points.push({ ...p });
    for (const p of kept) this.points.push(p);
    while (this.points.length > this.limit) this.halve();
  }

  all(): readonly PathPoint[] {
    return this.points;
  }

  /** The point covering t (the latest at or before it). */
  at(t: number): PathPoint | null {
    let lo = 0;
    let hi = this.points.length - 1;
    let best: PathPoint | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = this.points[mid]!;
      if (p.t <= t) {
        best = p;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  private halve(): void {
    const first = this.points[0]!.t;
    const last = this.points[this.points.length - 1]!.t;
    this.spanMs = Math.max(this.spanMs * 2, Math.ceil((last - first) / (this.limit / 2)));
    const merged: PathPoint[] = [];
    for (const p of this.points) {
      const tail = merged[merged.length - 1];
      if (tail && Math.floor(p.t / this.spanMs) === Math.floor(tail.t / this.spanMs)) {
        tail.t = p.t;
        tail.last = p.last;
        tail.mark = p.mark;
        tail.markText = p.markText;
        tail.low = Math.min(tail.low, p.low);
        tail.high = Math.max(tail.high, p.high);
      } else merged.push({ ...p });
    }
    this.points = merged;
  }
}
