/**
 * The Heatmap view in Chromium through the web host, with a crowd of 100,000 positions (TRADERS to
 * change it) on a GBM day, while the replay runs at 600x: the canvas's own draw time (it writes
 * data-draw-ms after each draw: ImageData of the grid, path, dots, lines, axes; budget 5 ms), the
 * grid's compute time in main (data-compute-ms), and the frame rate (requestAnimationFrame deltas
 * and long tasks) with the view open (budget 60 fps). Prints figures; asserts nothing. Needs a
 * build (`npx tsx scripts/build.ts`). Headless Chromium without a GPU paces requestAnimationFrame
 * at 60 Hz, so 16.7 ms is the best possible frame.
 */
import { chromium, request as pwRequest, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { resolveChromium } from '../../scripts/chromium-path';
import { freshDataDir, startHostProcess } from '../e2e/web/host-process';
import { crowdScenario, saveScenario } from '../e2e/web/pages/trade-setup';

const TRADERS = Number(process.env.TRADERS ?? 100_000);
const SECONDS = Number(process.env.SECONDS ?? 12);
/** PROFILE=1: a Chromium CPU profile over the measured seconds, summarised by self time per function. */
const PROFILE = process.env.PROFILE === '1';
/**
 * FLUSH=0 to leave it out: the page reads one pixel of each canvas it drew, so data-draw-ms
 * includes the rasterisation Chromium otherwise defers to the frame's paint (the honest draw).
 */
const FLUSH = process.env.FLUSH !== '0';
const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' / ');

const dataDir = freshDataDir('bench-heatmap');
const host = await startHostProcess(dataDir);
const request = await pwRequest.newContext();
await saveScenario(request, host, 'bench-heatmap', crowdScenario({ traders: TRADERS }));
const browserChoice = resolveChromium();
const browser = await chromium.launch({
  executablePath: browserChoice.executablePath,
  env: { ...process.env, ...browserChoice.env } as Record<string, string>,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

/** Frames, long tasks and every draw the canvas reports, for `seconds` (in-page code is text: no DOM types here). */
function measureScript(seconds: number): string {
  return `new Promise((resolve) => {
    const deltas = [];
    const longTasks = [];
    const draws = [];
    const computes = [];
    const paints = [];
    const layers = {};
    const canvas = document.querySelector('[data-testid="heatmap-canvas"]');
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        if (r.attributeName === 'data-draw-ms') {
          draws.push(Number(canvas.dataset.drawMs));
          const k = canvas.dataset.layers || 'single canvas';
          (layers[k] = layers[k] || []).push(Number(canvas.dataset.drawMs));
        }
        if (r.attributeName === 'data-compute-ms') computes.push(Number(canvas.dataset.computeMs));
        if (r.attributeName === 'data-paint-ms') paints.push([Number(canvas.dataset.paintMs), Number(canvas.dataset.paintCols), Number(canvas.dataset.decodeMs ?? NaN)]);
      }
    });
    mo.observe(canvas, { attributes: true, attributeFilter: ['data-draw-ms', 'data-compute-ms', 'data-paint-ms'] });
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
    try { obs.observe({ type: 'longtask', buffered: false }); } catch (e) {}
    const end = performance.now() + ${seconds * 1000};
    let prev = performance.now();
    const tick = (now) => {
      deltas.push(now - prev);
      prev = now;
      if (now < end) requestAnimationFrame(tick);
      else { obs.disconnect(); mo.disconnect(); resolve({ deltas: deltas.slice(1), longTasks, draws, computes, paints, layers }); }
    };
    requestAnimationFrame(tick);
  })`;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const line = (xs: number[]): string => (xs.length === 0 ? 'none' : `p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (n=${xs.length})`);

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (top 25) and the total non-idle time, from a CDP CPU profile. */
function printProfile(p: CpuProfile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  // The bundle is minified: name its functions by the source map the build writes beside it.
  const mapFile = path.join(import.meta.dirname, '../../dist/renderer/app.js.map');
  const map = fs.existsSync(mapFile) ? new SourceMapConsumer(JSON.parse(fs.readFileSync(mapFile, 'utf8'))) : null;
  const where = (f: CpuProfile['nodes'][number]['callFrame']): string => {
    const base = f.url.split('/').pop() ?? '';
    if (!map || base !== 'app.js') return `${f.functionName || '(anonymous)'} ${base}:${f.lineNumber + 1}`;
    const o = map.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
    return `${o.name ?? f.functionName ?? '(anonymous)'} ${o.source?.split('/').slice(-2).join('/') ?? base}:${o.line ?? 0}`;
  };
  const self = new Map<string, number>();
  let busy = 0;
  let all = 0;
  let program = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const n = byId.get(id);
    if (!n) return;
    const f = n.callFrame;
    if (f.functionName === '(program)') program += dt;
    if (f.functionName === '(idle)' || f.functionName === '(program)') return;
    busy += dt;
    const key = where(f);
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  console.log(`  CPU profile of the page's main thread: ${busy.toFixed(0)} ms in JS and the collector, ${program.toFixed(0)} ms in the browser's own work (style, layout, paint: "(program)"), of ${all.toFixed(0)} ms; self time by function:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${v.toFixed(1).padStart(8)} ms  ${k}`);
}

/**
 * The check that the canvases drawn incrementally during play are the picture a full draw gives:
 * with the replay paused and the draws settled, the base (drawn column by column: dirty
 * rectangles) and the path and dots canvases (appended to: trail-plan.ts), pixel for pixel,
 * against a full redraw of the same data (the scale toggled to linear and back to log, with
 * window.levdeskWholeDraws set so that the path and dots are redrawn whole too).
 */
async function incrementalEqualsFull(page: Page): Promise<string[]> {
  const canvas = page.locator('[data-testid="heatmap-canvas"]');
  const settled = async (): Promise<void> => {
    let last = '';
    for (let quiet = 0; quiet < 3; ) {
      await page.waitForTimeout(500);
      const now = `${await canvas.getAttribute('data-draw-ms')} ${await canvas.getAttribute('data-layers')} ${await canvas.getAttribute('data-paint-ms')}`;
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
  };
  /** RGBA as one number per pixel (the trail canvases are transparent where nothing is drawn). */
  const pixels = async (id: string): Promise<number[]> =>
    (await page.evaluate(`(() => {
      const c = document.querySelector('[data-testid="${id}"]');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const out = [];
      for (let i = 0; i < d.length; i += 4) out.push(((d[i] << 24) | (d[i + 1] << 16) | (d[i + 2] << 8) | d[i + 3]) >>> 0);
      return out;
    })()`)) as number[];
  const ids = ['heatmap-canvas', 'heatmap-canvas-path', 'heatmap-canvas-dots'];
  await settled();
  const before = await Promise.all(ids.map(pixels));
  const layers = await canvas.getAttribute('data-layers');
  const trail = await canvas.getAttribute('data-trail');
  await page.evaluate('window.levdeskWholeDraws = true');
  await page.click('[data-testid="heatmap-scale"] [data-value="linear"]');
  await settled();
  await page.click('[data-testid="heatmap-scale"] [data-value="log"]');
  await settled();
  const after = await Promise.all(ids.map(pixels));
  await page.evaluate('window.levdeskWholeDraws = false');
  const whole = await canvas.getAttribute('data-layers');
  return ids.map((id, k) => {
    const b = before[k]!;
    const a = after[k]!;
    const differ = b.reduce((n, v, i) => n + (v !== a[i] ? 1 : 0), 0);
    const painted = a.reduce((n, v) => n + ((v & 0xff) !== 0 ? 1 : 0), 0);
    return `${id} after play against a full redraw of the same data: ${differ} of ${b.length} pixels differ (${painted} painted)`;
  }).concat([`(last draw in play: ${layers}; the full redraw: ${whole}; ${trail})`]);
}

async function replayClock(): Promise<{ t: number; ticks: number; effective: number | null }> {
  const res = await request.post(`${host.origin}/api/rpc/replay.status`, { headers: { Authorization: `Bearer ${host.token}` }, data: {} });
  const status = ((await res.json()) as { value: { t: number; tickIndex: number; effectiveSpeed: number | null } }).value;
  return { t: status.t, ticks: status.tickIndex, effective: status.effectiveSpeed };
}

try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  if (FLUSH) await page.addInitScript('window.levdeskFlushDraws = true');
  await page.goto(host.url);
  await page.locator('#root[data-app-state="ready"]').waitFor();
  const loadStart = performance.now();
  await page.selectOption('[data-testid="replay-scenario"]', 'bench-heatmap');
  await page.locator('[data-testid="trade-view"][data-session="active"]').waitFor({ timeout: 180_000 });
  await page.locator('[data-testid="replay-loading"]').waitFor({ state: 'detached', timeout: 180_000 });
  await page.click('[data-testid="replay-step"]');
  await page.click('[data-testid="nav-heatmap"]');
  await page.locator('[data-testid="heatmap-canvas"][data-drawn="yes"]').waitFor({ timeout: 180_000 });
  console.log(`${TRADERS.toLocaleString('en-US')} crowd positions: scenario loaded and the heatmap first drawn after ${(performance.now() - loadStart).toFixed(0)} ms`);
  const still = Number(await page.getAttribute('[data-testid="heatmap-canvas"]', 'data-draw-ms'));
  console.log(`draw with the replay paused (the latest before playing: the first, a full paint, or a later one): ${still.toFixed(2)} ms (budget 5 ms); load average ${load()}`);

  const cdp = await page.context().newCDPSession(page);
  const heap = async (): Promise<string> => {
    const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    return `${(h.usedSize / 2 ** 20).toFixed(1)} MiB used of ${(h.totalSize / 2 ** 20).toFixed(1)} MiB`;
  };
  console.log(`  JS heap before playing: ${await heap()}; load average ${load()}`);
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }

  await page.click('[data-testid="replay-speed"] [data-value="600x"]');
  const before = await replayClock();
  const wallStart = performance.now();
  await page.click('[data-testid="replay-play"]');
  await page.locator('[data-testid="replay-bar"][data-state="playing"]').waitFor();
  if (PROFILE) await cdp.send('Profiler.start');
  const r = (await page.evaluate(measureScript(SECONDS))) as { deltas: number[]; longTasks: number[]; draws: number[]; computes: number[]; paints: [number, number, number][]; layers: Record<string, number[]> };
  const profile = PROFILE ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : null;
  const after = await replayClock();
  const wallSeconds = (performance.now() - wallStart) / 1000;
  if ((await page.getAttribute('[data-testid="replay-bar"]', 'data-state')) === 'playing') await page.click('[data-testid="replay-play"]');
  const total = r.deltas.reduce((a, b) => a + b, 0);
  console.log(`600x with the heatmap open: ${r.deltas.length} frames in ${(total / 1000).toFixed(1)} s = ${(r.deltas.length / (total / 1000)).toFixed(1)} fps (budget 60); frame ${line(r.deltas)}`);
  console.log(`  long tasks: ${r.longTasks.length} (${r.longTasks.reduce((a, b) => a + b, 0).toFixed(0)} ms in all, longest ${Math.max(0, ...r.longTasks).toFixed(0)} ms)`);
  console.log(`  canvas draw (data-draw-ms${FLUSH ? ', rasterisation included' : ', recording only'}), budget 5 ms: ${line(r.draws)}`);
  console.log(`  canvases redrawn per draw, and those draws' times:${Object.keys(r.layers).length === 0 ? ' none' : ''}`);
  for (const [k, ms] of Object.entries(r.layers).sort((a, b) => b[1].length - a[1].length)) console.log(`    ${k} ×${ms.length}: ${line(ms)}`);
  const cols = r.paints.map((x) => x[1]);
  console.log(`  grid layer repaint per new grid (data-paint-ms, part of the draw): ${line(r.paints.map((x) => x[0]))}; columns repainted p50 ${pct(cols, 50)}, max ${Math.max(0, ...cols)}`);
  const decodes = r.paints.map((x) => x[2]).filter((x) => Number.isFinite(x));
  console.log(`  grid decode per new grid in the renderer (data-decode-ms, base64 → Float32, a delta applied; not part of the draw): ${line(decodes)}`);
  console.log(`  grid compute in main as reported (data-compute-ms, wall incl. yields): ${line(r.computes)}`);
  console.log(`  JS heap after: ${await heap()}; load average ${load()}`);
  if (profile) printProfile(profile);
  for (const l of await incrementalEqualsFull(page)) console.log(`  ${l}`);
  const res = await request.post(`${host.origin}/api/rpc/trading.liquidations`, { headers: { Authorization: `Bearer ${host.token}` }, data: { scope: 'all', offset: 0, limit: 1 } });
  const liquidations = ((await res.json()) as { value: { total: number } }).value.total;
  console.log(`  realised liquidations: ${liquidations} in all (the view holds the newest 2,000 to 4,000 as dots: dots-feed.ts)`);
  const minutes = (after.t - before.t) / 60_000;
  console.log(`  replay meanwhile: ${minutes.toFixed(1)} market minutes, ${after.ticks - before.ticks} ticks in ${wallSeconds.toFixed(1)} s = ${((minutes * 60) / wallSeconds).toFixed(0)}x on average (clock's last-second figure ${after.effective == null ? '?' : `${Math.round(after.effective)}x`}; asked 600x)`);
} finally {
  await browser.close();
  await request.dispose();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
