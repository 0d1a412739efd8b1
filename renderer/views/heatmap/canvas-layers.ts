import type { Dirty } from './grid-painter';

/**
 * The heatmap is stacked canvases (HeatmapCanvas): the base (background and the grid layer scaled
 * into the plot), the trail (path, dots, your lines, cursor: trail-plan.ts) and the axes. Each is redrawn
 * only when what it shows changed; a new grid during a replay changes a few columns, so the base
 * redraws only the device pixels of those columns. Pure (no DOM), unit-tested.
 */

/** The plot's rectangle in CSS pixels (heatmap-draw's PlotBox; declared here so this module needs no DOM). */
export interface PlotBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A rectangle in device pixels, integer on every edge (a clip there has no anti-aliased seam). */
export interface DeviceRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * The device pixels of grid columns [from, to) once the grid (`cols` wide) is scaled into `box`
 * (CSS pixels) at `dpr`, widened by one pixel each side (nearest-neighbour sampling and the box's
 * anti-aliased edge may round either way; a pixel inside the clip is redrawn exactly as a full
 * draw would, so the margin costs nothing in fidelity), clamped to the canvas.
 */
export function dirtyDeviceRect(from: number, to: number, cols: number, box: PlotBox, dpr: number, canvasW: number, canvasH: number): DeviceRect | null {
  if (!(to > from) || cols <= 0) return null;
  const x0 = Math.max(0, Math.floor((box.x + (from / cols) * box.w) * dpr) - 1);
  const x1 = Math.min(canvasW, Math.ceil((box.x + (to / cols) * box.w) * dpr) + 1);
  const y0 = Math.max(0, Math.floor(box.y * dpr) - 1);
  const y1 = Math.min(canvasH, Math.ceil((box.y + box.h) * dpr) + 1);
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** What each canvas last showed, as text: equal keys mean the canvas is still right. */
export interface LayerKeys {
  /** Canvas size, background colour, plot box: a change clears and redraws the base whole. */
  readonly base: string;
  /** Canvas size, theme, decimals and the grid's window (t0, t1, p0, p1): the axes' inputs. */
  readonly axes: string;
}

export interface DrawPlan {
  /** full: clear and blit the whole grid layer; dirty: only the changed columns' pixels; none: keep. */
  readonly base: 'full' | 'dirty' | 'none';
  readonly axes: boolean;
}

/**
 * Which canvases a draw must touch. `painted` is the grid layer's update for this draw: undefined
 * when the layer did not change, null when it was brought up to a new grid with no pixel changed,
 * otherwise the columns written. The trail canvases have their own plan (trail-plan.ts).
 */
export function planDraw(prev: LayerKeys | null, next: LayerKeys, painted: Dirty | null | undefined): DrawPlan {
  const axes = prev === null || prev.axes !== next.axes;
  if (prev === null || prev.base !== next.base) return { base: 'full', axes };
  if (!painted) return { base: 'none', axes };
  return { base: painted.full ? 'full' : 'dirty', axes };
}
