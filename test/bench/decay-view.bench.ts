/**
 * The Decay view in Chromium through the web host while a Monte Carlo runs (issue 13: "the view
 * stays at 60 fps while it runs"): PATHS paths (default 1,000,000, the most the form accepts) of
 * 365 daily steps for the form's default tokens (2, 3, -1, -3), started from the view's own Run
 * button. Records the frame rate idle on the tab first, then from the click until the result
 * (paths/s) is shown, counting the frames in which the progress bar is on screen and how many
 * distinct progress values it showed, then the frames right after the result's charts mount.
 * PROFILE=1 adds a CPU profile of the page during the run. Prints figures; asserts nothing.
 * Needs a build (`npx tsx scripts/build.ts`).
 */
import { openBenchBrowser } from './kit/chromium-page';
import { profiling, startCpuProfile } from './kit/cpu-profile';
import { framesFor, frameLine, loadLine, startFrames, stopFrames } from './kit/frame-report';

const PATHS = Number(process.env.PATHS ?? 1_000_000);

const bench = await openBenchBrowser('bench-decay-view');
const PROGRESS_SEEN = `(() => {
  const el = document.querySelector('[data-testid="mc-progress"]');
  if (!el) return false;
  const seen = (window.__progressSeen ??= new Set());
  seen.add(el.textContent);
  return true;
})()`;

try {
  const page = await bench.newPage();
  await page.click('[data-testid="nav-decay"]');
  await page.click('[data-testid="decay-tabs-monte-carlo"]');
  await page.locator('[data-testid="mc-paths"]').fill(String(PATHS));
  console.log(loadLine());
  console.log(frameLine('Monte Carlo tab open, idle', await framesFor(page, 3)));

  const profiler = profiling() ? await startCpuProfile(page) : null;
  await startFrames(page, PROGRESS_SEEN);
  const t0 = performance.now();
  await page.click('[data-testid="mc-run"]');
  await page.locator('[data-testid="mc-speed"]').waitFor({ timeout: 600_000 });
  const wall = (performance.now() - t0) / 1000;
  const during = await stopFrames(page);
  const speed = (await page.textContent('[data-testid="mc-speed"]')) ?? '';
  const distinct = (await page.evaluate('window.__progressSeen ? window.__progressSeen.size : 0')) as number;
  console.log(frameLine(`${PATHS.toLocaleString('en-US')}-path Monte Carlo running (click -> result, ${wall.toFixed(1)} s)`, during, 'progress bar on screen'));
  console.log(`  progress values shown: ${distinct}; the view's result line: ${speed.trim()}`);
  if (profiler) for (const l of await profiler.stop()) console.log(l);
  console.log(frameLine('after the run (result table, histogram and fan drawn)', await framesFor(page, 3)));
} finally {
  await bench.close();
}
