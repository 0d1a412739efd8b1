import { describe, expect, it } from 'vitest';
import { CHUNKS_PER_DRAW, DOTS_PER_DRAW, PATH_CHUNK, dotsMax, planTrail, sealedChunks, type LiquidationDot, type PathPoint, type TrailPlan, type TrailState } from '#renderer/views/heatmap/trail-plan';

const point = (i: number, last = 100 + (i % 7)): PathPoint => ({ t: 1000 * i, last, mark: last + 0.5, low: last, high: last });
const pathOf = (n: number): PathPoint[] => Array.from({ length: n }, (_, i) => point(i));
const dot = (t: number, notional = 10): LiquidationDot => ({ t, price: 100, notional, side: 'long', mine: false });
/** Newest first, as main pages them. */
const newestFirst = (ts: number[], notional = 10): LiquidationDot[] => ts.map((t) => dot(t, notional)).reverse();

/**
 * The draw calls a plan makes, as text, per canvas: what each canvas holds after a sequence of
 * plans (clears drop what was there). Incremental plans must leave the same calls as one full plan.
 */
class Canvases {
  path: string[] = [];
  dots: string[] = [];
  live: string[] = [];
  apply(p: TrailPlan, path: readonly PathPoint[]): void {
    if (p.pathFull) this.path = [];
    for (let k = p.chunksFrom; k < p.chunksTo; k++) this.path.push(JSON.stringify(path.slice(k * PATH_CHUNK, (k + 1) * PATH_CHUNK + 1)));
    if (p.dotsFull) this.dots = [];
    for (const d of p.dotsAdd) this.dots.push(`${JSON.stringify(d)} max ${p.next.dotsMax}`);
    this.live = [JSON.stringify(path.slice(p.tailFrom))];
  }
}

function run(steps: { key?: string; path: PathPoint[]; dots: LiquidationDot[] }[]): { inc: Canvases; plans: TrailPlan[] } {
  const inc = new Canvases();
  const plans: TrailPlan[] = [];
  let prev: TrailState | null = null;
  for (const s of steps) {
    const p = planTrail(prev, s.key ?? 'k', s.path, s.dots);
    inc.apply(p, s.path);
    plans.push(p);
    prev = p.next;
  }
  return { inc, plans };
}

function full(step: { key?: string; path: PathPoint[]; dots: LiquidationDot[] }): Canvases {
  const c = new Canvases();
  c.apply(planTrail(null, step.key ?? 'k', step.path, step.dots), step.path);
  return c;
}

describe('sealedChunks', () => {
  it('seals a chunk only when a point after its last exists (the path’s last point may still move)', () => {
    expect(sealedChunks(0)).toBe(0);
    expect(sealedChunks(PATH_CHUNK + 1)).toBe(0);
    expect(sealedChunks(PATH_CHUNK + 2)).toBe(1);
    expect(sealedChunks(3 * PATH_CHUNK + 1)).toBe(2);
  });
});

describe('dotsMax', () => {
  it('is the largest notional rounded up to a half octave: a slightly bigger one keeps it', () => {
    const m = dotsMax([dot(0, 10), dot(1, 3)]);
    expect(m).toBeGreaterThanOrEqual(10);
    expect(m).toBeLessThan(10 * Math.SQRT2);
    expect(dotsMax([dot(0, 10.5)])).toBe(m);
    expect(dotsMax([dot(0, 12)])).toBeGreaterThan(m);
    expect(dotsMax([])).toBe(1);
  });
});

describe('planTrail', () => {
  it('a replay drawn step by step leaves the same draw calls on every canvas as one full draw', () => {
    const steps: { path: PathPoint[]; dots: LiquidationDot[] }[] = [];
    const times: number[] = [];
    for (let n = 3; n <= 700; n += 1 + ((n * 7) % 5)) {
      // The last point moves within its stretch (PricePath merges ticks into the tail), then settles.
      const moving = pathOf(n);
      moving[n - 1] = point(n - 1, 200 + n);
      if (n % 3 === 0) times.push(1000 * (n - 2));
      steps.push({ path: moving, dots: newestFirst(times, 10) });
      steps.push({ path: pathOf(n), dots: newestFirst(times, 10) });
    }
    const { inc, plans } = run(steps);
    const whole = full(steps[steps.length - 1]!);
    expect(inc.path).toEqual(whole.path);
    expect(inc.dots).toEqual(whole.dots);
    expect(inc.live).toEqual(whole.live);
    // And it was incremental: after the first draw nothing was redrawn whole, and little per draw.
    expect(plans.slice(1).every((p) => !p.pathFull && !p.dotsFull)).toBe(true);
    expect(Math.max(...plans.slice(1).map((p) => p.chunksTo - p.chunksFrom))).toBeLessThanOrEqual(1);
    expect(whole.path.length).toBe(sealedChunks(steps[steps.length - 1]!.path.length));
  });

  it('redraws whole when the window or theme (the key), the path’s stroked points, or the dots’ scale or order change', () => {
    const path = pathOf(300);
    const base = planTrail(null, 'k', path, newestFirst([1000, 5000, 9000]));
    expect(base.pathFull && base.dotsFull).toBe(true);
    const again = planTrail(base.next, 'k', path, newestFirst([1000, 5000, 9000]));
    expect([again.pathFull, again.dotsFull, again.chunksTo - again.chunksFrom, again.dotsAdd.length]).toEqual([false, false, 0, 0]);
    expect(planTrail(base.next, 'k2', path, newestFirst([1000, 5000, 9000])).pathFull).toBe(true);
    // A halved path (main merges neighbours past its limit): an early point differs.
    const halved = path.map((p, i) => (i === 10 ? point(10, 999) : p));
    expect(planTrail(base.next, 'k', halved, newestFirst([1000, 5000, 9000])).pathFull).toBe(true);
    // A truncated path (a seek back): fewer chunks than drawn.
    expect(planTrail(base.next, 'k', path.slice(0, 100), []).pathFull).toBe(true);
    // A bigger liquidation rescales every dot; one a little bigger does not.
    expect(planTrail(base.next, 'k', path, [dot(9500, 50), ...newestFirst([1000, 5000, 9000])]).dotsFull).toBe(true);
    expect(planTrail(base.next, 'k', path, [dot(9500, 10.5), ...newestFirst([1000, 5000, 9000])]).dotsFull).toBe(false);
    // The oldest dot dropped (the view keeps the newest): the dots canvas cannot just be appended to.
    expect(planTrail(base.next, 'k', path, newestFirst([5000, 9000])).dotsFull).toBe(true);
  });

  it('draws at most DOTS_PER_DRAW dots a draw, the rest on the next draws, to the same canvas as drawing them at once', () => {
    const path = pathOf(10);
    const many = newestFirst(Array.from({ length: 2 * DOTS_PER_DRAW + 50 }, (_, i) => i));
    const inc = new Canvases();
    let p = planTrail(null, 'k', path, many);
    const pending: number[] = [];
    for (;;) {
      inc.apply(p, path);
      pending.push(p.dotsPending);
      expect(p.dotsAdd.length).toBeLessThanOrEqual(DOTS_PER_DRAW);
      if (p.dotsPending === 0) break;
      p = planTrail(p.next, 'k', path, many);
      expect(p.dotsFull).toBe(false);
    }
    expect(pending).toEqual([DOTS_PER_DRAW + 50, 50, 0]);
    const whole = new Canvases();
    whole.apply(planTrail(null, 'k', path, many, true), path);
    expect(inc.dots).toEqual(whole.dots);
    expect(whole.dots).toHaveLength(many.length);
  });

  it('strokes at most CHUNKS_PER_DRAW chunks a draw (a zoom after a long replay), the rest on the next draws, to the same canvas', () => {
    const path = pathOf((2 * CHUNKS_PER_DRAW + 3) * PATH_CHUNK + 2);
    const inc = new Canvases();
    let p = planTrail(null, 'k', path, []);
    const pending: number[] = [];
    for (;;) {
      inc.apply(p, path);
      pending.push(p.chunksPending);
      expect(p.chunksTo - p.chunksFrom).toBeLessThanOrEqual(CHUNKS_PER_DRAW);
      if (p.chunksPending === 0) break;
      p = planTrail(p.next, 'k', path, []);
      expect(p.pathFull).toBe(false);
    }
    expect(pending).toEqual([CHUNKS_PER_DRAW + 3, 3, 0]);
    const whole = new Canvases();
    whole.apply(planTrail(null, 'k', path, [], true), path);
    expect(inc.path).toEqual(whole.path);
    expect(whole.path).toHaveLength(sealedChunks(path.length));
  });

  it('draws each dot once, oldest first, as it arrives; the path from its last sealed chunk on the live canvas', () => {
    const path = pathOf(2 * PATH_CHUNK + 5);
    const first = planTrail(null, 'k', path, newestFirst([0, 10, 20]));
    expect(first.tailFrom).toBe(2 * PATH_CHUNK);
    expect(first.dotsAdd.map((d) => d.t)).toEqual([0, 10, 20]);
    const then = planTrail(first.next, 'k', path, newestFirst([0, 10, 20, 30, 40]));
    expect(then.dotsFull).toBe(false);
    expect(then.dotsAdd.map((d) => d.t)).toEqual([30, 40]);
  });
});
