/**
 * The Journal view in Chromium through the web host, scrolling 100,000 round trips (issue 14:
 * "the view stays at 60 fps scrolling them"). TRIPS round trips (2 fills each, the generic CSV
 * template) are imported through the view's Import tab (file picker, upload, commit), then the
 * Trades table (paged and sorted by main, virtualized) is scrolled from inside the page, once per
 * animation frame so every frame has new rows to show:
 *  - steady: STEP px a frame (default 3 rows, a brisk wheel), SECONDS long;
 *  - sweep: the scrollbar dragged top to bottom (hundreds of rows a frame), then jumps to
 *    scattered positions every 8 frames;
 * while the frame rate, long frames and the frames in which a row still shows its loading
 * placeholder are recorded. PROFILE=1 adds a CPU profile of each phase, TRACE=1 a trace summary. Prints figures; asserts
 * nothing. Needs a build (`npx tsx scripts/build.ts`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openBenchBrowser } from './kit/chromium-page';
import { profiling, startCpuProfile } from './kit/cpu-profile';
import { startTrace, tracing } from './kit/frame-trace';
import { framesFor, frameLine, loadLine, startFrames, stopFrames, type FrameStats } from './kit/frame-report';
import { writeJournalFills } from './kit/journal-fills';

const TRIPS = Number(process.env.TRIPS ?? 100_000);
const SECONDS = Number(process.env.SECONDS ?? 8);
const STEP = Number(process.env.STEP ?? 84);
const GRID = '[data-testid="table-journal-trips-grid"]';
const PENDING = `document.querySelector('${GRID} [role="row"][aria-busy="true"]') !== null`;

/** Moves the grid's scrollTop once per animation frame for `seconds`; `mode` picks how. */
function driver(mode: 'steady' | 'sweep', seconds: number): string {
  return `new Promise((resolve) => {
    const el = document.querySelector('${GRID}');
    const max = el.scrollHeight - el.clientHeight;
    const end = performance.now() + ${seconds * 1000};
    const start = performance.now();
    let frame = 0;
    let seed = 12345;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const tick = (now) => {
      frame += 1;
      if (${mode === 'steady'}) el.scrollTop = Math.min(max, el.scrollTop + ${STEP});
      else if (now - start < ${(seconds * 1000) / 2}) el.scrollTop = Math.round(max * (now - start) / ${(seconds * 1000) / 2});
      else if (frame % 8 === 0) el.scrollTop = Math.round(max * next());
      if (now < end) requestAnimationFrame(tick); else resolve(el.scrollTop);
    };
    requestAnimationFrame(tick);
  })`;
}

async function phase(page: Page, label: string, mode: 'steady' | 'sweep'): Promise<FrameStats> {
  const profiler = profiling() ? await startCpuProfile(page) : null;
  const trace = tracing() ? await startTrace(bench.browser, page) : null;
  await startFrames(page, PENDING);
  await page.evaluate(driver(mode, SECONDS));
  const r = await stopFrames(page);
  console.log(frameLine(label, r, 'a loading placeholder row on screen'));
  if (trace) for (const l of await trace()) console.log(l);
  if (profiler) for (const l of await profiler.stop()) console.log(l);
  return r;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-journal-view-'));
const file = path.join(dir, 'fills.csv');
writeJournalFills(file, TRIPS, Date.UTC(2023, 0, 1), 0);
const bench = await openBenchBrowser('bench-journal-view');
try {
  const page = await bench.newPage();
  await page.click('[data-testid="nav-journal"]');
  await page.getByTestId('journal-tabs').getByRole('tab', { name: 'Import' }).click();
  await page.getByTestId('journal-import-files').setInputFiles(file);
  let t0 = performance.now();
  await page.getByTestId('journal-import-commit').click();
  await page.getByTestId('journal-import-done').waitFor({ timeout: 300_000 });
  console.log(`import of ${(2 * TRIPS).toLocaleString('en-US')} fills through the view (upload + import + rebuild): ${(performance.now() - t0).toFixed(0)} ms; ${loadLine()}`);
  t0 = performance.now();
  await page.getByTestId('journal-tabs').getByRole('tab', { name: 'Trades' }).click();
  const count = page.getByTestId('table-journal-trips-count');
  // (waitForFunction evaluates a string: the app's CSP forbids that, so wait on the text.)
  await page.getByTestId('table-journal-trips-count').filter({ hasText: `${TRIPS.toLocaleString('en-US')} rows` }).waitFor({ timeout: 120_000 });
  await page.locator(`${GRID} [role="row"][data-row-key]`).first().waitFor();
  console.log(`Trades tab -> first page of ${(await count.textContent()) ?? '?'}: ${(performance.now() - t0).toFixed(0)} ms`);
  console.log(frameLine('Trades table open, idle', await framesFor(page, 2)));
  await phase(page, `steady scroll from the top, ${STEP} px (${STEP / 28} rows) a frame`, 'steady');
  // Again from the middle, on pages not yet fetched: the first pass also pays for warming up.
  await page.evaluate(`document.querySelector('${GRID}').scrollTop = ${Math.floor(TRIPS / 2) * 28}`);
  await page.locator(`${GRID} [role="row"][aria-busy="true"]`).first().waitFor({ state: 'detached' });
  await phase(page, 'steady scroll again, from the middle', 'steady');
  await phase(page, 'sweep: scrollbar dragged top to bottom, then a jump every 8 frames', 'sweep');
} finally {
  await bench.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
