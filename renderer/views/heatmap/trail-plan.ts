import type { HeatmapGrid } from '#shared/domain/heatmap';

/**
 * What the heatmap's trail canvases (the price path and the realised liquidations) must draw, so
 * that during a replay a draw appends only what is new instead of redrawing thousands of path
 * points and dots (their rasterisation was most of the draw, growing with the replay).
 *
 * Exact by construction, not by clipping: the path is stroked in chunks of PATH_CHUNK segments,
 * one stroke per chunk, and a chunk is stroked once its points are final (only the path's last
 * point still moves); the dots, oldest first, are drawn once older than the path's sealed end
 * (liquidations arrive in time order, so a later one never goes under an earlier one). A full
 * redraw makes the very same draw calls in the same order, so it gives the same pixels; a clip-
 * based partial redraw could not (Skia rasterises a shape a little differently once clipped). What
 * is not sealed yet, the path's last chunk and the newer dots, is redrawn whole on the live canvas
 * each draw: at most PATH_CHUNK segments and a few dots. Pure (no DOM), unit-tested.
 */

/** Segments per path stroke (the dashed mark path restarts its dash at each chunk). */
export const PATH_CHUNK = 64;

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
  readonly chunks: number;
  /** What the dots are sized against (dotsMax): a change redraws the dots whole. */
  readonly dotsMax: number;
  /** The dots drawn on the dots canvas, oldest first. */
  readonly sealedDots: readonly LiquidationDot[];
}

export interface TrailPlan {
  /** Clear the path canvas first (then stroke chunks from 0). */
  readonly pathFull: boolean;
  /** Chunks [from, to) to stroke on the path canvas (none when equal). */
  readonly chunksFrom: number;
  readonly chunksTo: number;
  /** Clear the dots canvas first. */
  readonly dotsFull: boolean;
  /** Dots to draw on the dots canvas, in order (all of them after a clear). */
  readonly dotsAdd: readonly LiquidationDot[];
  /** The live canvas: the path from this point on, and these dots (newer than the sealed end). */
  readonly tailFrom: number;
  readonly liveDots: readonly LiquidationDot[];
  readonly next: TrailState;
}

const samePoint = (a: PathPoint, b: PathPoint): boolean => a.t === b.t && a.last === b.last && a.mark === b.mark;
const sameDot = (a: LiquidationDot, b: LiquidationDot): boolean => a.t === b.t && a.price === b.price && a.notional === b.notional && a.side === b.side && a.mine === b.mine;

/**
 * What the dots are sized against: the largest notional rounded up to a quarter octave, so that a
 * liquidation a little bigger than the largest so far does not resize (redraw) every dot.
 */
export function dotsMax(dots: readonly LiquidationDot[]): number {
  let m = 0;
  for (const d of dots) if (d.notional > m) m = d.notional;
  return m > 0 && Number.isFinite(m) ? 2 ** (Math.ceil(Math.log2(m) * 4) / 4) : 1;
}

/**
 * The plan for a draw. `dots` as the view holds them (newest first, as main pages them); `whole`
 * forces full redraws (the bench's check that the appended canvases equal a full redraw).
 */
export function planTrail(prev: TrailState | null, key: string, path: readonly PathPoint[], dots: readonly LiquidationDot[], whole = false): TrailPlan {
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
  // Dots older than the sealed end of the path go on the dots canvas, oldest first.
  const tSeal = chunks > 0 ? path[sealedEnd]!.t : Number.NEGATIVE_INFINITY;
  const sealed: LiquidationDot[] = [];
  const live: LiquidationDot[] = [];
  for (let i = dots.length - 1; i >= 0; i--) (dots[i]!.t < tSeal ? sealed : live).push(dots[i]!);
  const max = dotsMax(dots);
  let dotsFull = whole || prev === null || prev.key !== key || prev.dotsMax !== max || sealed.length < prev.sealedDots.length;
  if (!dotsFull && prev) {
    for (let i = 0; i < prev.sealedDots.length; i++) {
      if (!sameDot(prev.sealedDots[i]!, sealed[i]!)) {
        dotsFull = true;
        break;
      }
    }
  }
  const next: TrailState = { key, path, chunks, dotsMax: max, sealedDots: sealed };
  return {
    pathFull,
    chunksFrom: pathFull ? 0 : prev!.chunks,
    chunksTo: chunks,
    dotsFull,
    dotsAdd: dotsFull ? sealed : sealed.slice(prev!.sealedDots.length),
    tailFrom: sealedEnd,
    liveDots: live,
    next,
  };
}
