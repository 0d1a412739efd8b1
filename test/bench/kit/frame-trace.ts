/**
 * Optional Chromium trace of a measurement (TRACE=1): where the renderer's main thread spent a
 * phase, by Blink's own event names (Paint, Layerize, Layout, EventDispatch, …), in wall time
 * and in the thread's CPU time. On a loaded 2-core machine the two differ a lot: wall time
 * includes waiting for a core, CPU time is what the view itself costs.
 */
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tdur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

const SHOWN = ['RunTask', 'FireAnimationFrame', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'Paint', 'Layerize', 'Commit', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'ParseHTML', 'v8.run'];

export const tracing = (): boolean => process.env.TRACE === '1';

export async function startTrace(browser: Browser, page: Page): Promise<() => Promise<string[]>> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  return async () => {
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const sums = new Map<string, { n: number; wall: number; cpu: number }>();
    for (const e of events) {
      if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur == null || !SHOWN.includes(e.name)) continue;
      const x = sums.get(e.name) ?? { n: 0, wall: 0, cpu: 0 };
      x.n += 1;
      x.wall += e.dur / 1000;
      x.cpu += (e.tdur ?? 0) / 1000;
      sums.set(e.name, x);
    }
    const rows = [...sums.entries()].sort((a, b) => b[1].cpu - a[1].cpu);
    return ['renderer main thread (trace; ms wall / ms cpu / events):', ...rows.map(([k, v]) => `  ${v.wall.toFixed(0).padStart(7)} / ${v.cpu.toFixed(0).padStart(6)} / ${String(v.n).padStart(5)}  ${k}`)];
  };
}
