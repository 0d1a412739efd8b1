/**
 * Frame rate as the page sees it: an in-page requestAnimationFrame recorder (deltas between
 * frames, long tasks from PerformanceObserver, and an optional per-frame probe the bench names,
 * e.g. "rows still loading"), started and stopped around whatever the bench does meanwhile, and
 * one line of figures with the machine's load average beside them (2 cores shared: the load says
 * how much of a bad frame is the machine). In-page code is text: the benches compile without DOM
 * types.
 */
import os from 'node:os';
import type { Page } from '@playwright/test';

export interface FrameStats {
  /** Milliseconds between consecutive animation frames. */
  readonly deltas: number[];
  readonly longTasks: number[];
  /** When each long frame (> 20 ms) ended, ms after recording started: where in a run they fall. */
  readonly longAt: number[];
  /** Frames in which the probe answered true (0 without a probe). */
  readonly probeHits: number;
  readonly loadavg: number[];
}

/** Starts recording; `probe` is a JS expression evaluated each frame (truthy counts a hit). */
export async function startFrames(page: Page, probe = 'false'): Promise<void> {
  await page.evaluate(`(() => {
    const rec = { deltas: [], longTasks: [], longAt: [], probeHits: 0, stop: false, t0: performance.now() };
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) rec.longTasks.push(e.duration); });
    try { obs.observe({ type: 'longtask', buffered: false }); } catch (e) {}
    rec.obs = obs;
    let prev = -1;
    const tick = (now) => {
      if (rec.stop) return;
      if (prev >= 0) rec.deltas.push(now - prev);
      if (prev >= 0 && now - prev > 20) rec.longAt.push(Math.round(now - rec.t0));
      prev = now;
      if (${probe}) rec.probeHits += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__frameRec = rec;
  })()`);
}

export async function stopFrames(page: Page): Promise<FrameStats> {
  const r = (await page.evaluate(`(() => {
    const rec = window.__frameRec;
    rec.stop = true;
    rec.obs.disconnect();
    return { deltas: rec.deltas, longTasks: rec.longTasks, longAt: rec.longAt, probeHits: rec.probeHits };
  })()`)) as Omit<FrameStats, 'loadavg'>;
  return { ...r, loadavg: os.loadavg() };
}

/** Records for `seconds` with nothing else driven from the bench. */
export async function framesFor(page: Page, seconds: number, probe?: string): Promise<FrameStats> {
  await startFrames(page, probe);
  await page.waitForTimeout(seconds * 1000);
  return stopFrames(page);
}

export const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** "p50 …, p95 …, max … (n=…)" for any list of milliseconds. */
export const msLine = (xs: readonly number[]): string =>
  xs.length === 0 ? 'none' : `p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (n=${xs.length})`;

export const loadLine = (load: readonly number[] = os.loadavg()): string => `load average ${load.map((x) => x.toFixed(2)).join(' / ')} (1/5/15 min, ${os.cpus().length} cores)`;

/** fps, frame-time percentiles, long frames (> 20 ms: a missed 60 Hz vsync) and long tasks, with the load. */
export function frameLine(label: string, r: FrameStats, probeLabel?: string): string {
  const d = r.deltas;
  const total = d.reduce((a, b) => a + b, 0);
  const long = d.filter((x) => x > 20).length;
  const at = r.longAt.length === 0 ? '' : ` at ${r.longAt.slice(0, 8).map((t) => `${(t / 1000).toFixed(1)}s`).join(', ')}${r.longAt.length > 8 ? ', …' : ''}`;
  const probe = probeLabel ? `; ${probeLabel} in ${r.probeHits} of ${d.length + 1} frames` : '';
  return (
    `${label}: ${d.length} frames in ${(total / 1000).toFixed(1)} s = ${(d.length / (total / 1000)).toFixed(1)} fps; ` +
    `frame ms p50 ${pct(d, 50).toFixed(1)}, p95 ${pct(d, 95).toFixed(1)}, p99 ${pct(d, 99).toFixed(1)}, max ${Math.max(0, ...d).toFixed(1)}; ` +
    `long frames (>20 ms) ${long} (${((long / Math.max(1, d.length)) * 100).toFixed(1)}%${at}); long tasks ${r.longTasks.length} (${r.longTasks.reduce((a, b) => a + b, 0).toFixed(0)} ms)${probe}; ${loadLine(r.loadavg)}`
  );
}
