import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { HeatmapDetail, HeatmapGrid } from '#shared/domain/heatmap';
import { GridPainter } from './grid-painter';
import { decodeGrid, plotBox, readTheme, scales } from './heatmap-draw';
import { drawAxes, drawCursor, drawDots, drawOwnLines, drawPath, type LiquidationDot, type OwnLine } from './heatmap-overlays';
import type { HeatmapWindow } from './use-heatmap';

interface Props {
  readonly grid: HeatmapGrid | null;
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
  grid: HeatmapGrid | null;
  scale: string;
  dark: boolean;
}

/** Brings the layer up to the grid; returns how many columns were painted and how long that took. */
function updateLayer(L: GridLayer, g: HeatmapGrid, cells: Float32Array, scale: 'linear' | 'log', dark: boolean): { cols: number; ms: number } | null {
  if (L.grid === g && L.scale === scale && L.dark === dark && L.canvas) return null;
  const started = performance.now();
  const dirty = L.painter.paint({ cols: g.cols, rows: g.rows, cells, marks: columnMarks(g), scale, dark });
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
  } else if (dirty) {
    // Only the columns that changed cross to the canvas (a dirty rectangle).
    L.canvas.getContext('2d')!.putImageData(L.img, 0, 0, dirty.from, 0, dirty.to - dirty.from, g.rows);
  }
  return { cols: dirty?.count ?? 0, ms: performance.now() - started };
}

/**
 * The time × price heatmap on one canvas: the grid layer (ImageData, one pixel per cell, painted
 * incrementally offscreen and scaled when blitted), then the overlays drawn over it each time: the
 * path, the realised liquidations, the trader's lines, the cursor and the axes. One visible canvas
 * so the PNG export is what the trader sees. Memoised: the view re-renders on every replay tick
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

  const cells = useMemo(() => (p.grid ? decodeGrid(p.grid) : null), [p.grid]);
  // The grid's picture, kept between draws: a new grid repaints the columns that changed; a draw for
  // a moved cursor, new dots or lines only scales it onto the canvas.
  const layer = useRef<GridLayer>({ painter: new GridPainter(), canvas: null, img: null, grid: null, scale: '', dark: false });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const started = performance.now();
    const dpr = window.devicePixelRatio || 1;
    // Setting a canvas's size reallocates it: only when it changes (the fill below clears it anyway).
    const cw = Math.round(size.w * dpr);
    const ch = Math.round(size.h * dpr);
    if (canvas.width !== cw) canvas.width = cw;
    if (canvas.height !== ch) canvas.height = ch;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const th = readTheme();
    ctx.fillStyle = th.bg;
    ctx.fillRect(0, 0, size.w, size.h);
    const g = p.grid;
    if (!g || !cells) return;
    const box = plotBox(size.w, size.h);
    const s = scales(g, box);
    const painted = updateLayer(layer.current, g, cells, p.scale, th.dark);
    if (painted) {
      // For the bench and DevTools: columns repainted by the last new grid, and the time it took.
      canvas.dataset.paintCols = String(painted.cols);
      canvas.dataset.paintMs = painted.ms.toFixed(2);
    }
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(layer.current.canvas!, box.x, box.y, box.w, box.h);
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.x, box.y, box.w, box.h);
    ctx.clip();
    drawPath(ctx, g, s, th);
    drawDots(ctx, p.dots, s, box, th);
    drawOwnLines(ctx, p.ownLines, s, box, th);
    drawCursor(ctx, p.cursor ?? g.now, s, box, th);
    ctx.restore();
    drawAxes(ctx, g, s, box, th, p.decimals);
    // Measured draw time, for the e2e and anyone curious (DevTools): the budget is 5 ms.
    canvas.dataset.drawMs = (performance.now() - started).toFixed(2);
  }, [p.grid, cells, p.dots, p.ownLines, p.cursor, p.scale, p.theme, p.decimals, size]);

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
      {tip && (
        <div className="hm-tip" style={{ left: Math.min(tip.x + 14, size.w - 250), top: Math.min(tip.y + 14, size.h - 170) }} data-testid="heatmap-cell-tip">
          {p.renderDetail(tip.detail)}
        </div>
      )}
    </div>
  );
});
