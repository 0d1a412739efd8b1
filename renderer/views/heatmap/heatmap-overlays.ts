import type { HeatmapGrid } from '#shared/domain/heatmap';
import { axisPrice, niceStep, type PlotBox, type Scales, type Theme } from './heatmap-draw';
import { PATH_CHUNK, type LiquidationDot, type PathPoint } from './trail-plan';

export type { LiquidationDot };

export interface OwnLine {
  readonly kind: 'liquidation' | 'stop';
  readonly price: number;
  readonly label: string;
}


/**
 * The last (solid) and mark (dashed) path over points [from, to], one stroke each: a chunk of the
 * path, or its unsealed tail (trail-plan.ts). Round joins and caps on the solid line, so that the
 * seams between chunks do not show; the dash restarts at each chunk.
 */
export function strokePath(ctx: CanvasRenderingContext2D, path: readonly PathPoint[], from: number, to: number, s: Scales, th: Theme): void {
  if (!(to > from)) return;
  const line = (pick: (p: PathPoint) => number, color: string, dash: number[], round: boolean): void => {
    ctx.beginPath();
    ctx.setLineDash(dash);
    ctx.lineJoin = round ? 'round' : 'miter';
    ctx.lineCap = round ? 'round' : 'butt';
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    for (let i = from; i <= to; i++) {
      const p = path[i]!;
      if (i === from) ctx.moveTo(s.x(p.t), s.y(pick(p)));
      else ctx.lineTo(s.x(p.t), s.y(pick(p)));
    }
    ctx.stroke();
  };
  line((p) => p.last, th.dark ? '#e6edf3' : '#1b2330', [], true);
  line((p) => p.mark, th.accent, [4, 3], false);
  ctx.setLineDash([]);
  ctx.lineJoin = 'miter';
  ctx.lineCap = 'butt';
}

/** The path's chunks [from, to) (chunk k: points k·PATH_CHUNK … (k+1)·PATH_CHUNK), one stroke pair each. */
export function strokeChunks(ctx: CanvasRenderingContext2D, path: readonly PathPoint[], from: number, to: number, s: Scales, th: Theme): void {
  for (let k = from; k < to; k++) strokePath(ctx, path, k * PATH_CHUNK, (k + 1) * PATH_CHUNK, s, th);
}

/** Realised liquidations in the order given: dots sized by notional (area ∝ notional against `max`), the trader's ringed. */
export function drawDots(ctx: CanvasRenderingContext2D, dots: readonly LiquidationDot[], max: number, s: Scales, box: PlotBox, th: Theme): void {
  for (const d of dots) {
    const x = s.x(d.t);
    const y = s.y(d.price);
    if (x < box.x || x > box.x + box.w || y < box.y || y > box.y + box.h) continue;
    const r = 1.5 + 6 * Math.sqrt(d.notional / max);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fillStyle = d.side === 'long' ? th.down : th.up;
    ctx.globalAlpha = 0.75;
    ctx.fill();
    ctx.globalAlpha = 1;
    if (d.mine) {
      ctx.strokeStyle = th.warn;
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  }
}

/** The trader's liquidation prices and stops as lines across the plot, labelled on the axis. */
export function drawOwnLines(ctx: CanvasRenderingContext2D, lines: readonly OwnLine[], s: Scales, box: PlotBox, th: Theme): void {
  ctx.font = '11px system-ui, sans-serif';
  for (const l of lines) {
    const y = s.y(l.price);
    if (y < box.y || y > box.y + box.h) continue;
    const color = l.kind === 'liquidation' ? th.warn : th.down;
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(l.kind === 'stop' ? [6, 4] : []);
    ctx.beginPath();
    ctx.moveTo(box.x, y);
    ctx.lineTo(box.x + box.w, y);
    ctx.stroke();
    ctx.setLineDash([]);
    const w = ctx.measureText(l.label).width + 8;
    ctx.fillStyle = color;
    ctx.fillRect(box.x + box.w - w - 4, y - 8, w, 16);
    ctx.fillStyle = '#111';
    ctx.fillText(l.label, box.x + box.w - w, y + 4);
  }
}

export function drawCursor(ctx: CanvasRenderingContext2D, t: number | null, s: Scales, box: PlotBox, th: Theme): void {
  if (t === null) return;
  const x = s.x(t);
  if (x < box.x || x > box.x + box.w) return;
  ctx.strokeStyle = th.accent;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(x, box.y);
  ctx.lineTo(x, box.y + box.h);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Price labels on the right, UTC times below, a faint grid. */
export function drawAxes(ctx: CanvasRenderingContext2D, g: HeatmapGrid, s: Scales, box: PlotBox, th: Theme, decimals: number): void {
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = th.text;
  ctx.strokeStyle = th.grid;
  ctx.lineWidth = 1;
  const ps = niceStep(g.p1 - g.p0, 8);
  for (let p = Math.ceil(g.p0 / ps) * ps; p <= g.p1; p += ps) {
    const y = Math.round(s.y(p)) + 0.5;
    ctx.globalAlpha = 0.35;
    ctx.beginPath();
    ctx.moveTo(box.x, y);
    ctx.lineTo(box.x + box.w, y);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillText(axisPrice(p, ps, decimals), box.x + box.w + 6, y + 4);
  }
  const span = g.t1 - g.t0;
  const steps = [60e3, 300e3, 900e3, 1800e3, 3600e3, 4 * 3600e3, 12 * 3600e3, 86400e3, 2 * 86400e3, 7 * 86400e3];
  const ts = steps.find((x) => span / x <= 8) ?? steps[steps.length - 1]!;
  for (let t = Math.ceil(g.t0 / ts) * ts; t <= g.t1; t += ts) {
    const x = Math.round(s.x(t)) + 0.5;
    const d = new Date(t);
    const label = ts >= 86400e3 ? d.toISOString().slice(5, 10) : d.toISOString().slice(11, 16);
    const w = ctx.measureText(label).width;
    if (x - w / 2 < box.x || x + w / 2 > box.x + box.w + 20) continue;
    ctx.fillText(label, x - w / 2, box.y + box.h + 16);
  }
  ctx.strokeStyle = th.grid;
  ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.w, box.h);
}
