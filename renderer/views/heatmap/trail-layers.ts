import type { PlotBox, Scales, Theme } from './heatmap-draw';
import { drawCursor, drawDots, drawOwnLines, strokeChunks, strokePath, type OwnLine } from './heatmap-overlays';
import type { PathPoint, TrailPlan } from './trail-plan';

/** The three canvases over the grid, bottom to top (HeatmapCanvas stacks them under the axes). */
export interface TrailContexts {
  /** The path's sealed chunks: only appended to between full redraws. */
  readonly path: CanvasRenderingContext2D;
  /** The dots, oldest first: likewise. */
  readonly dots: CanvasRenderingContext2D;
  /** The path's tail, your lines and the cursor: redrawn whole on every draw. */
  readonly live: CanvasRenderingContext2D;
}

export interface TrailInput {
  readonly plan: TrailPlan;
  readonly path: readonly PathPoint[];
  readonly lines: readonly OwnLine[];
  readonly cursor: number | null;
  readonly s: Scales;
  readonly box: PlotBox;
  readonly th: Theme;
  /** The canvas in CSS pixels (the contexts are scaled to them). */
  readonly w: number;
  readonly h: number;
}

/** Draws inside the plot only. */
function inPlot(ctx: CanvasRenderingContext2D, box: PlotBox, draw: () => void): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.w, box.h);
  ctx.clip();
  draw();
  ctx.restore();
}

/**
 * Carries out a plan (trail-plan.ts) on the trail canvases; returns the canvases it touched and
 * what it did to each (for data-layers: the bench counts them).
 */
export function drawTrail(c: TrailContexts, i: TrailInput): { drawn: HTMLCanvasElement[]; label: string } {
  const { plan, s, box, th } = i;
  const drawn: HTMLCanvasElement[] = [];
  if (plan.pathFull) c.path.clearRect(0, 0, i.w, i.h);
  if (plan.pathFull || plan.chunksTo > plan.chunksFrom) {
    inPlot(c.path, box, () => strokeChunks(c.path, i.path, plan.chunksFrom, plan.chunksTo, s, th));
    drawn.push(c.path.canvas);
  }
  if (plan.dotsFull) c.dots.clearRect(0, 0, i.w, i.h);
  if (plan.dotsFull || plan.dotsAdd.length > 0) {
    inPlot(c.dots, box, () => drawDots(c.dots, plan.dotsAdd, plan.next.dotsMax, s, box, th));
    drawn.push(c.dots.canvas);
  }
  c.live.clearRect(0, 0, i.w, i.h);
  inPlot(c.live, box, () => {
    strokePath(c.live, i.path, plan.tailFrom, i.path.length - 1, s, th);
    drawOwnLines(c.live, i.lines, s, box, th);
    drawCursor(c.live, i.cursor, s, box, th);
  });
  drawn.push(c.live.canvas);
  const what = (full: boolean, added: number): string => (full ? 'full' : added > 0 ? 'appended' : 'kept');
  const label = `path:${what(plan.pathFull, plan.chunksTo - plan.chunksFrom)} dots:${what(plan.dotsFull, plan.dotsAdd.length)} live`;
  return { drawn, label };
}
