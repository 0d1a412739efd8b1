import { memo, useEffect, useRef, useState } from 'react';
import type { HeatmapDetail, HeatmapGrid } from '#shared/domain/heatmap';
import { dirtyDeviceRect, planDraw, type LayerKeys } from './canvas-layers';
import { GridPainter, type Dirty } from './grid-painter';
import type { ViewGrid } from './grid-wire';
import { plotBox, readTheme, scales } from './heatmap-draw';
import { drawAxes, type LiquidationDot, type OwnLine } from './heatmap-overlays';
import { drawTrail } from './trail-layers';
import { planTrail, type TrailState } from './trail-plan';
import type { HeatmapWindow } from './use-heatmap';

interface Props {
  readonly grid: ViewGrid | null;
  readonly dots: readonly LiquidationDot[];
  readonly ownLines: readonly OwnLine[];
  readonly cursor: number | null;
  readonly scale: 'linear' | 'log';
  readonly theme: string;
  readonly decimals: number;
  onSize(cols: number, rows: number): void;
  onCursor(t: number): void;
  onWindow(w: HeatmapWindow | null): void;
  hover(t: number, p0: number, p1: number): Promise<HeatmapDetail | null>;
  renderDetail(d: HeatmapDetail): React.ReactNode;
}

/** Each column's mark (the path's latest at or before the column's middle), in one walk of the path. */
function columnMarks(g: HeatmapGrid): Float64Array {
  const marks = new Float64Array(g.cols);
  let best = g.path[0]?.mark ?? 1;
  let k = 0;
  for (let c = 0; c < g.cols; c++) {
    const t = g.t0 + ((c + 0.5) / g.cols) * (g.t1 - g.t0);
    while (k < g.path.length && g.path[k]!.t <= t) best = g.path[k++]!.mark;
    marks[c] = best;
  }
  return marks;
}

/** The grid's picture: painted incrementally (GridPainter), held on an offscreen canvas the size of the grid. */
interface GridLayer {
  readonly painter: GridPainter;
  canvas: HTMLCanvasElement | null;
  img: ImageData | null;
  grid: ViewGrid | null;
  scale: string;
  dark: boolean;
}

/** Brings the layer up to the grid; returns the columns it wrote (null: none changed) and how long that took, or null when it was already up to date. */
function updateLayer(L: GridLayer, g: ViewGrid, cells: Float32Array, scale: 'linear' | 'log', dark: boolean): { dirty: Dirty | null; ms: number } | null {
  if (L.grid === g && L.scale === scale && L.dark === dark && L.canvas) return null;
  const started = performance.now();
  // A delta on the grid the layer last painted: only its columns can differ (no scan of the rest).
  const d = g.delta;
  const within = d && L.grid !== null && L.grid.version === d.base && L.grid.cells.length === cells.length ? { from: d.from, to: d.to } : undefined;
  let dirty = L.painter.paint({ cols: g.cols, rows: g.rows, cells, marks: columnMarks(g), scale, dark, ...(within ? { within } : {}) });
  L.grid = g;
  L.scale = scale;
  L.dark = dark;
  const px = L.painter.pixels;
  if (!L.canvas || !L.img || L.img.data !== px) {
    L.canvas ??= document.createElement('canvas');
    L.canvas.width = g.cols;
    L.canvas.height = g.rows;
    L.img = new ImageData(px, g.cols, g.rows);
    L.canvas.getContext('2d')!.putImageData(L.img, 0, 0);
    dirty = { from: 0, to: g.cols, count: g.cols, full: true };
  } else if (dirty) {
    // Only the columns that changed cross to the canvas (a dirty rectangle).
    L.canvas.getContext('2d')!.putImageData(L.img, 0, 0, dirty.from, 0, dirty.to - dirty.from, g.rows);
  }
  return { dirty, ms: performance.now() - started };
}

/** Sizes a canvas to the device pixels (setting the size reallocates and clears it: only on a change); a 2D context scaled to CSS pixels. */
function sized(canvas: HTMLCanvasElement, cw: number, ch: number, dpr: number): CanvasRenderingContext2D | null {
  if (canvas.width !== cw) canvas.width = cw;
  if (canvas.height !== ch) canvas.height = ch;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * For the bench (test/bench/heatmap-view.bench.ts sets it): read one pixel of each canvas drawn, so
 * the draw time includes the rasterisation Chromium otherwise defers to the frame's paint. Off in
 * the app: a read-back can move a GPU canvas to the CPU.
 */
function flushForBench(canvases: HTMLCanvasElement[]): void {
  if (!(window as { levdeskFlushDraws?: boolean }).levdeskFlushDraws) return;
  for (const c of canvases) c.getContext('2d')?.getImageData(0, 0, 1, 1);
}

/** For the bench's check that the appended trail canvases equal a full redraw: set, every draw redraws them whole. */
const wholeDraws = (): boolean => (window as { levdeskWholeDraws?: boolean }).levdeskWholeDraws === true;

/** The canvases stacked over the base, bottom to top; the export composes them in this order. */
const LAYERS = ['path', 'dots', 'live', 'axes'] as const;

/**
 * The time × price heatmap on five stacked canvases (canvas-layers.ts, trail-plan.ts): the base
 * (heatmap-canvas, which takes the mouse) holds the grid layer (ImageData, one pixel per cell,
 * painted incrementally offscreen and scaled when blitted), redrawn only over the columns a new
 * grid changed; the path and the dots canvases are only appended to during a replay (the path's
 * chunks and the dots once final); the live canvas holds the path's tail, the newest dots, the
 * trader's lines and the cursor, redrawn on each draw; the axes are redrawn only when the window,
 * size, theme or decimals change. The PNG export composes them in order, so it is still what the
 * trader sees. Memoised: the view re-renders on every replay tick
 * (its replay bar), and with stable props this one does not. Wheel zooms time (Shift+wheel: price),
 * drag pans, a click moves the cursor, a double click resets.
 */
export const HeatmapCanvas = memo(function HeatmapCanvas(p: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 800, h: 400 });
  const [tip, setTip] = useState<{ x: number; y: number; detail: HeatmapDetail } | null>(null);
  const drag = useRef<{ x: number; y: number; w: HeatmapWindow; moved: boolean } | null>(null);
  const hoverSeq = useRef(0);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const pathRef = useRef<HTMLCanvasElement>(null);
  const dotsRef = useRef<HTMLCanvasElement>(null);
  const liveRef = useRef<HTMLCanvasElement>(null);
  const axesRef = useRef<HTMLCanvasElement>(null);
  const layerRefs = { path: pathRef, dots: dotsRef, live: liveRef, axes: axesRef };
  /** What the canvases show now (planDraw, planTrail); null after a draw without a grid. */
  const keys = useRef<LayerKeys | null>(null);
  const trail = useRef<TrailState | null>(null);
  /** Bumped on the frame after a draw that left dots or path chunks to draw (planTrail bounds a draw's). */
  const [catchUp, setCatchUp] = useState(0);
  const { onSize } = p;

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ w: Math.max(200, el.clientWidth), h: Math.max(160, el.clientHeight) }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const box = plotBox(size.w, size.h);
    onSize(Math.min(1000, Math.max(10, Math.floor(box.w))), Math.min(500, Math.max(10, Math.floor(box.h / 2))));
  }, [size, onSize]);

  const cells = p.grid?.cells ?? null;
  // The grid's picture, kept between draws: a new grid repaints the columns that changed; a draw for
  // a moved cursor, new dots or lines only scales it onto the canvas.
  const layer = useRef<GridLayer>({ painter: new GridPainter(), canvas: null, img: null, grid: null, scale: '', dark: false });

  useEffect(() => {
    const canvas = canvasRef.current;
    const axes = axesRef.current;
    const [path, dots, live] = [pathRef.current, dotsRef.current, liveRef.current];
    if (!canvas || !axes || !path || !dots || !live) return;
    const started = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const cw = Math.round(size.w * dpr);
    const ch = Math.round(size.h * dpr);
    const ctx = sized(canvas, cw, ch, dpr);
    const actx = sized(axes, cw, ch, dpr);
    const tc = { path: sized(path, cw, ch, dpr), dots: sized(dots, cw, ch, dpr), live: sized(live, cw, ch, dpr) };
    if (!ctx || !actx || !tc.path || !tc.dots || !tc.live) return;
    const th = readTheme();
    const g = p.grid;
    const box = plotBox(size.w, size.h);
    if (!g || !cells) {
      ctx.fillStyle = th.bg;
      ctx.fillRect(0, 0, size.w, size.h);
      for (const c of [tc.path, tc.dots, tc.live, actx]) c.clearRect(0, 0, size.w, size.h);
      keys.current = null;
      trail.current = null;
      return;
    }
    const s = scales(g, box);
    const painted = updateLayer(layer.current, g, cells, p.scale, th.dark);
    if (painted) {
      // For the bench and DevTools: columns repainted by the last new grid, and the time it took.
      canvas.dataset.paintCols = String(painted.dirty?.count ?? 0);
      canvas.dataset.paintMs = painted.ms.toFixed(2);
      canvas.dataset.decodeMs = g.decodeMs.toFixed(2);
    }
    const next: LayerKeys = {
      base: `${cw}x${ch} ${th.bg} ${box.x},${box.y},${box.w},${box.h}`,
      axes: `${cw}x${ch} ${th.text} ${th.grid} ${p.decimals} ${g.t0} ${g.t1} ${g.p0} ${g.p1}`,
    };
    const plan = planDraw(keys.current, next, painted === null ? undefined : painted.dirty);
    keys.current = next;
    const drawn: HTMLCanvasElement[] = [];
    const layerCanvas = layer.current.canvas!;
    if (plan.base === 'full') {
      ctx.fillStyle = th.bg;
      ctx.fillRect(0, 0, size.w, size.h);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(layerCanvas, box.x, box.y, box.w, box.h);
      drawn.push(canvas);
    } else if (plan.base === 'dirty' && painted?.dirty) {
      const r = dirtyDeviceRect(painted.dirty.from, painted.dirty.to, g.cols, box, dpr, cw, ch);
      if (r) {
        // The same fill and blit as a full draw, clipped to the changed columns' pixels.
        ctx.save();
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.beginPath();
        ctx.rect(r.x, r.y, r.w, r.h);
        ctx.clip();
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ctx.fillStyle = th.bg;
        ctx.fillRect(0, 0, size.w, size.h);
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(layerCanvas, box.x, box.y, box.w, box.h);
        ctx.restore();
        drawn.push(canvas);
      }
    }
    const trailKey = `${next.base} ${g.t0} ${g.t1} ${g.p0} ${g.p1} ${p.theme} ${th.dark} ${th.accent} ${th.up} ${th.down} ${th.warn}`;
    const tp = planTrail(trail.current, trailKey, g.path, p.dots, wholeDraws());
    trail.current = tp.next;
    const t = drawTrail({ path: tc.path, dots: tc.dots, live: tc.live }, { plan: tp, path: g.path, lines: p.ownLines, cursor: p.cursor ?? g.now, s, box, th, w: size.w, h: size.h });
    drawn.push(...t.drawn);
    if (plan.axes) {
      actx.clearRect(0, 0, size.w, size.h);
      drawAxes(actx, g, s, box, th, p.decimals);
      drawn.push(axes);
    }
    flushForBench(drawn);
    // Measured draw time (all three canvases and the grid layer's update), for the bench, the e2e
    // and anyone curious (DevTools): the budget is 5 ms. data-layers says what was redrawn.
    canvas.dataset.drawMs = (performance.now() - started).toFixed(2);
    canvas.dataset.layers = `base:${plan.base} ${t.label} axes:${plan.axes ? 'drawn' : 'kept'}`;
    canvas.dataset.trail = `${g.path.length} path points, ${tp.next.chunks} chunks drawn; ${p.dots.length} dots`;
    if (tp.dotsPending === 0 && tp.chunksPending === 0) return;
    const frame = requestAnimationFrame(() => setCatchUp((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  }, [p.grid, cells, p.dots, p.ownLines, p.cursor, p.scale, p.theme, p.decimals, size, catchUp]);

  const at = (e: React.MouseEvent): { x: number; y: number } => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const windowOf = (g: HeatmapGrid): HeatmapWindow => ({ t0: g.t0, t1: g.t1, p0: g.p0, p1: g.p1 });

  const onWheel = (e: React.WheelEvent): void => {
    const g = p.grid;
    if (!g) return;
    const { x, y } = at(e);
    const s = scales(g, plotBox(size.w, size.h));
    const f = e.deltaY > 0 ? 1.25 : 0.8;
    if (e.shiftKey) {
      const pc = s.p(y);
      p.onWindow({ ...windowOf(g), p0: pc - (pc - g.p0) * f, p1: pc + (g.p1 - pc) * f });
    } else {
      const tc = s.t(x);
      p.onWindow({ ...windowOf(g), t0: tc - (tc - g.t0) * f, t1: tc + (g.t1 - tc) * f });
    }
  };

  const onMove = (e: React.MouseEvent): void => {
    const g = p.grid;
    if (!g) return;
    const { x, y } = at(e);
    const box = plotBox(size.w, size.h);
    const s = scales(g, box);
    const d = drag.current;
    if (d) {
      const dx = x - d.x;
      const dy = y - d.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) d.moved = true;
      if (d.moved) {
        const dt = (dx / box.w) * (d.w.t1 - d.w.t0);
        const dp = (dy / box.h) * (d.w.p1 - d.w.p0);
        p.onWindow({ t0: d.w.t0 - dt, t1: d.w.t1 - dt, p0: d.w.p0 + dp, p1: d.w.p1 + dp });
      }
      return;
    }
    if (x < box.x || x > box.x + box.w || y < box.y || y > box.y + box.h) {
      setTip(null);
      return;
    }
    const row = Math.floor(((box.y + box.h - y) / box.h) * g.rows);
    const p0 = g.p0 + (row / g.rows) * (g.p1 - g.p0);
    const p1 = g.p0 + ((row + 1) / g.rows) * (g.p1 - g.p0);
    const t = s.t(x);
    const seq = ++hoverSeq.current;
    void p.hover(t, p0, p1).then((detail) => {
      if (seq === hoverSeq.current) setTip(detail ? { x, y, detail } : null);
    });
  };

  return (
    <div className="hm-canvas-wrap" ref={wrap} data-testid="heatmap-canvas-wrap">
      <canvas
        ref={canvasRef}
        className="hm-canvas"
        style={{ width: size.w, height: size.h }}
        data-testid="heatmap-canvas"
        data-drawn={p.grid ? 'yes' : 'no'}
        data-source={p.grid?.source ?? ''}
        data-compute-ms={p.grid?.computeMs.toFixed(2) ?? ''}
        aria-label="Liquidation heatmap over time and price (use the cumulative map beside it for values)"
        role="img"
        onWheel={onWheel}
        onMouseDown={(e) => {
          if (p.grid) drag.current = { ...at(e), w: windowOf(p.grid), moved: false };
        }}
        onMouseUp={(e) => {
          const d = drag.current;
          drag.current = null;
          if (d && !d.moved && p.grid) p.onCursor(Math.round(scales(p.grid, plotBox(size.w, size.h)).t(at(e).x)));
        }}
        onMouseMove={onMove}
        onMouseLeave={() => {
          drag.current = null;
          hoverSeq.current += 1;
          setTip(null);
        }}
        onDoubleClick={() => p.onWindow(null)}
      />
      {/* Over the base, in the order a single canvas drew them; they let the mouse through to it. */}
      {LAYERS.map((k) => (
        <canvas key={k} ref={layerRefs[k]} className="hm-canvas-layer" style={{ width: size.w, height: size.h }} data-testid={`heatmap-canvas-${k}`} aria-hidden="true" />
      ))}
      {tip && (
        <div className="hm-tip" style={{ left: Math.min(tip.x + 14, size.w - 250), top: Math.min(tip.y + 14, size.h - 170) }} data-testid="heatmap-cell-tip">
          {p.renderDetail(tip.detail)}
        </div>
      )}
    </div>
  );
});
