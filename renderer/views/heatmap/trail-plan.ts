import type { HeatmapGrid } from '#shared/domain/heatmap';

/**
 * What the heatmap's trail canvases (the price path and the realised liquidations) must draw, so
 * that during a replay a draw appends only what is new instead of redrawing thousands of path
 * points and dots (their rasterisation was most of the draw, growing with the replay).
 *
 * Exact by construction, not by clipping: the path is stroked in chunks of PATH_CHUNK segments,
 * one stroke per chunk, and a chunk is stroked once its points are final (only the path's last
 * point still moves); each dot is drawn once, oldest first, when it arrives (liquidations arrive
 * in time order and are only added in front, dots-feed.ts). A full redraw makes the very same draw
 * calls in the same order, so it gives the same pixels; a clip-based partial redraw could not
 * (Skia rasterises a shape a little differently once clipped). The path's last chunk, not final
 * yet, is redrawn whole on the live canvas each draw (at most PATH_CHUNK segments), over the dots
 * canvas: the newest stretch of the path shows over the newest dots until its chunk is sealed
 * and goes under them with the rest. Pure (no DOM), unit-tested.
 */

/** Segments per path stroke (the dashed mark path restarts its dash at each chunk). */
export const PATH_CHUNK = 64;
/**
 * Dots drawn by one draw at most (about 1 ms of rasterisation on Chromium's CPU raster, 4-5 µs a
 * dot): the first fetch during a cascade brings 2,000 at once, a bigger liquidation resizes them
 * all. The rest are drawn by the next draws, which HeatmapCanvas asks for on the following frames.
 */
export const DOTS_PER_DRAW = 250;
/** Path chunks stroked by one draw at most (about 3 ms), likewise: a zoom after a long replay redraws 4,000 points. */
export const CHUNKS_PER_DRAW = 16;

export type PathPoint = HeatmapGrid['path'][number];

/** A realised liquidation as the heatmap draws it (a dot sized by notional). */
export interface LiquidationDot {
  readonly t: number;
  readonly price: number;
  readonly notional: number;
  readonly side: 'long' | 'short';
  readonly mine: boolean;
}

/** Chunks whose points are all final: chunk k spans points k·C … (k+1)·C and only the last point of the path may still move. */
export function sealedChunks(points: number): number {
  return Math.max(0, Math.floor((points - 2) / PATH_CHUNK));
}

/** What the trail canvases show: the key of everything a full redraw depends on, the path's sealed chunks and the sealed dots. */
export interface TrailState {
  /** Canvas size, plot box, the grid's window, theme: a change redraws both layers whole. */
  readonly key: string;
  readonly path: readonly PathPoint[];
  /** Chunks stroked on the path canvas (the final ones, or fewer while catching up). */
  readonly chunks: number;
  /** What the dots are sized against (dotsMax): a change redraws the dots whole. */
  readonly dotsMax: number;
  /** The dots drawn on the dots canvas, oldest first. */
  readonly drawnDots: readonly LiquidationDot[];
}

export interface TrailPlan {
  /** Clear the path canvas first (then stroke chunks from 0). */
  readonly pathFull: boolean;
  /** Chunks [from, to) to stroke on the path canvas (none when equal). */
  readonly chunksFrom: number;
  readonly chunksTo: number;
  /** Final chunks still to stroke after these (at most CHUNKS_PER_DRAW a draw): another draw is wanted. */
  readonly chunksPending: number;
  /** Clear the dots canvas first. */
  readonly dotsFull: boolean;
  /** Dots to draw on the dots canvas, in order (after a clear, from the first). */
  readonly dotsAdd: readonly LiquidationDot[];
  /** Dots still to draw after these (at most DOTS_PER_DRAW a draw), likewise. */
  readonly dotsPending: number;
  /** The live canvas: the path from this point on. */
  readonly tailFrom: number;
  readonly next: TrailState;
}

const samePoint = (a: PathPoint, b: PathPoint): boolean => a.t === b.t && a.last === b.last && a.mark === b.mark;
const sameDot = (a: LiquidationDot, b: LiquidationDot): boolean => a.t === b.t && a.price === b.price && a.notional === b.notional && a.side === b.side && a.mine === b.mine;

/**
 * What the dots are sized against: the largest notional rounded up to a half octave, so that a
 * liquidation a little bigger than the largest so far does not resize (redraw) every dot: the
 * largest dot's radius is then 6.5 to 7.5 px instead of always 7.5.
 */
export function dotsMax(dots: readonly LiquidationDot[]): number {
  let m = 0;
  for (const d of dots) if (d.notional > m) m = d.notional;
  return m > 0 && Number.isFinite(m) ? 2 ** (Math.ceil(Math.log2(m) * 2) / 2) : 1;
}

/**
 * The plan for a draw. `dots` as the view holds them (newest first, as main pages them); `whole`
 * forces full redraws (the bench's check that the appended canvases equal a full redraw).
 */
export function planTrail(prev: TrailState | null, key: string, path: readonly PathPoint[], dots: readonly LiquidationDot[], whole = false, limits = { dots: DOTS_PER_DRAW, chunks: CHUNKS_PER_DRAW }): TrailPlan {
  const chunks = sealedChunks(path.length);
  const sealedEnd = chunks * PATH_CHUNK;
  let pathFull = whole || prev === null || prev.key !== key || chunks < prev.chunks;
  if (!pathFull && prev) {
    // The points the path canvas already stroked must be unchanged (a halved, truncated or
    // re-windowed path is not: it is redrawn whole).
    const upto = prev.chunks * PATH_CHUNK;
    for (let i = 0; i <= upto && prev.chunks > 0; i++) {
      if (!samePoint(prev.path[i]!, path[i]!)) {
        pathFull = true;
        break;
      }
    }
  }
  // The dots oldest first: those drawn already must come first, unchanged (else redrawn whole).
  const ordered = dots.slice().reverse();
  const max = dotsMax(dots);
  let dotsFull = whole || prev === null || prev.key !== key || prev.dotsMax !== max || ordered.length < prev.drawnDots.length;
  if (!dotsFull && prev) {
    for (let i = 0; i < prev.drawnDots.length; i++) {
      if (!sameDot(prev.drawnDots[i]!, ordered[i]!)) {
        dotsFull = true;
        break;
      }
    }
  }
  const from = dotsFull ? 0 : prev!.drawnDots.length;
  // A forced full redraw (the bench's reference picture) draws everything at once.
  const to = whole ? ordered.length : Math.min(ordered.length, from + limits.dots);
  const chunksFrom = pathFull ? 0 : prev!.chunks;
  const chunksTo = whole ? chunks : Math.min(chunks, chunksFrom + limits.chunks);
  const next: TrailState = { key, path, chunks: chunksTo, dotsMax: max, drawnDots: to === ordered.length ? ordered : ordered.slice(0, to) };
  return {
    pathFull,
    chunksFrom,
    chunksTo,
    chunksPending: chunks - chunksTo,
    dotsFull,
    dotsAdd: ordered.slice(from, to),
    dotsPending: ordered.length - to,
    tailFrom: sealedEnd,
    next,
  };
}
