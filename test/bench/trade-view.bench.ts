/**
 * The Trade view in Chromium through the web host, with a crowd of 100,000 positions on a
 * GBM day (the steady state; a crash with that crowd is the engine's own benchmark):
 *  1. time to first render of the view (navigation -> first paint, view mounted, first price, first
 *     candles drawn), median of 3 page loads on a live session;
 *  2. frame times while the replay runs at 600x, measured with requestAnimationFrame deltas and
 *     long tasks (PerformanceObserver), once with the Positions tab and once with the Market tab
 *     (the 100,000-row table refreshing) in view.
 * Prints figures; asserts nothing. Needs a build (`npm run build`). Headless Chromium without a
 * GPU paces requestAnimationFrame at 60 Hz, so 16.7 ms is the best possible frame.
 */
import type { Page } from '@playwright/test';
import { crowdScenario, saveScenario } from '../e2e/web/pages/trade-setup';
import { openBenchBrowser } from './kit/chromium-page';
import { framesFor, frameLine, pct, type FrameStats } from './kit/frame-report';

const TRADERS = Number(process.env.TRADERS ?? 100_000);
const SECONDS = Number(process.env.SECONDS ?? 12);
const RUNS = 3;

const bench = await openBenchBrowser('bench-trade');
const { host } = bench;
await saveScenario(bench.request, host, 'bench-crowd', crowdScenario({ traders: TRADERS }));

/** Marks taken inside the page as the view comes up (ms since navigation start). */
const MARKS_SCRIPT = `
  window.__marks = {};
  const mark = (name) => { if (!(name in window.__marks)) window.__marks[name] = performance.now(); };
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="trade-view"]')) mark('viewMounted');
    const last = document.querySelector('[data-testid="market-last"]');
    if (last && last.textContent.trim() !== '—') mark('firstPrice');
    if (document.querySelector('[data-testid="chart-readout"]')) mark('firstBars');
    if (document.querySelector('[data-testid="table-positions-grid"]')) mark('tablesMounted');
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;

/** Reads the marks and the paint timing (in-page code is text: this file compiles without DOM types). */
const READ_MARKS = `(() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return { ...window.__marks, firstContentfulPaint: fcp ? fcp.startTime : NaN, domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN };
})()`;

const PRICED = `(document.querySelector('[data-testid="market-last"]')?.textContent ?? '—').trim() !== '—'`;

async function open(page: Page): Promise<Record<string, number>> {
  await page.addInitScript(MARKS_SCRIPT);
  await page.goto(host.url);
  await page.locator('#root[data-app-state="ready"]').waitFor();
  await page.locator('[data-testid="chart-readout"]').waitFor();
  await page.waitForFunction(PRICED);
  return (await page.evaluate(READ_MARKS)) as Record<string, number>;
}

const median = (xs: number[]): number => pct(xs, 50);

function report(label: string, r: FrameStats, replay: { ticks: number; effective: number | null; marketMinutes: number; wallSeconds: number }): void {
  console.log(frameLine(label, r));
  const average = (replay.marketMinutes * 60) / replay.wallSeconds;
  console.log(
    `  replay meanwhile: ${replay.marketMinutes.toFixed(1)} market minutes and ${replay.ticks} ticks in ${replay.wallSeconds.toFixed(1)} s = ${average.toFixed(0)}x on average (the clock's last-second figure: ${replay.effective == null ? '?' : `${Math.round(replay.effective)}x`}; asked 600x)`,
  );
}

/** The replay clock, read over the host's RPC from the test process. */
async function replayClock(): Promise<{ t: number; ticks: number; effective: number | null }> {
  const status = await bench.rpc<{ t: number; tickIndex: number; effectiveSpeed: number | null }>('replay.status');
  return { t: status.t, ticks: status.tickIndex, effective: status.effectiveSpeed };
}

try {
  // Load the scenario through the UI (the engine builds the crowd) and measure that too.
  const page = await bench.newPage({ ready: false });
  await page.goto(host.url);
  await page.locator('[data-testid="trade-view"]').waitFor();
  const loadStart = performance.now();
  await page.selectOption('[data-testid="replay-scenario"]', 'bench-crowd');
  await page.locator('[data-testid="trade-view"][data-session="active"]').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="replay-loading"]').waitFor({ state: 'detached', timeout: 120_000 });
  console.log(`scenario load with ${TRADERS.toLocaleString('en-US')} crowd positions (engine builds the crowd): ${(performance.now() - loadStart).toFixed(0)} ms`);
  await page.click('[data-testid="replay-step"]');
  await page.close();

  // 1. Time to first render on the live session.
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await bench.newPage({ ready: false });
    runs.push(await open(p));
    await p.close();
  }
  for (const key of ['domContentLoaded', 'firstContentfulPaint', 'viewMounted', 'tablesMounted', 'firstPrice', 'firstBars']) {
    const xs = runs.map((r) => r[key] ?? NaN);
    console.log(`first render, navigation -> ${key}: median ${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`);
  }

  // 2. Frame times at 600x.
  const view = await bench.newPage({ ready: false });
  await open(view);
  await view.click('[data-testid="replay-speed"] [data-value="600x"]');
  for (const tab of ['positions', 'market'] as const) {
    await view.click(`[data-testid="tables-${tab}"]`);
    if (tab === 'market') await view.locator('[data-testid="table-crowd-row"]').first().waitFor();
    const before = await replayClock();
    const wallStart = performance.now();
    await view.click('[data-testid="replay-play"]');
    await view.locator('[data-testid="replay-bar"][data-state="playing"]').waitFor();
    const r = await framesFor(view, SECONDS);
    const after = await replayClock();
    const wallSeconds = (performance.now() - wallStart) / 1000;
    if ((await view.getAttribute('[data-testid="replay-bar"]', 'data-state')) === 'playing') await view.click('[data-testid="replay-play"]');
    report(`600x, ${tab === 'market' ? 'Market tab (100,000 rows) in view' : 'Positions tab in view'}`, r, { ticks: after.ticks - before.ticks, effective: after.effective, marketMinutes: (after.t - before.t) / 60_000, wallSeconds });
  }
} finally {
  await bench.close();
}
