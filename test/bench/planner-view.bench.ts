/**
 * The Planner view in Chromium through the web host: does a keystroke reach the chart within one
 * frame (issue 11)? Types into the entry field (Backspace then a digit, KEYS times, so every key
 * moves the entry line) and, in the page, times each key from its keydown to (a) the chart being
 * told the new line prices (PlannerChart writes them to data-lines after applyOptions: React's
 * render, the plan's recompute and the effect) and (b) the start of the next animation frame's callbacks,
 * the frame in which lightweight-charts paints them. "Frames late" counts animation frames that passed between the
 * keydown and that paint: 0 or 1 means the update is in the next frame. Prints figures; asserts
 * nothing. Needs a build (`npx tsx scripts/build.ts`).
 */
import { openBenchBrowser } from './kit/chromium-page';
import { loadLine, msLine as line, pct } from './kit/frame-report';

const KEYS = Number(process.env.KEYS ?? 200);

const bench = await openBenchBrowser('bench-planner-view');

/** In-page recorder (text: no DOM types in this project); read back with `__plannerBench`. */
const RECORDER = `(() => {
  const chart = document.querySelector('[data-testid="planner-chart"]');
  const rec = { applied: [], painted: [], framesLate: [], missed: 0 };
  let frame = 0;
  const count = () => { frame += 1; requestAnimationFrame(count); };
  requestAnimationFrame(count);
  let pending = null;
  document.addEventListener('keydown', (e) => {
    if (pending) rec.missed += 1;
    pending = { t0: e.timeStamp, frame0: frame };
  }, true);
  new MutationObserver(() => {
    if (!pending) return;
    const p = pending;
    pending = null;
    rec.applied.push(performance.now() - p.t0);
    requestAnimationFrame(() => {
      rec.painted.push(performance.now() - p.t0);
      rec.framesLate.push(frame - p.frame0);
    });
  }).observe(chart, { attributes: true, attributeFilter: ['data-lines'] });
  window.__plannerBench = rec;
})()`;

try {
  const page = await bench.newPage();
  await page.click('[data-testid="nav-planner"]');
  await page.locator('[data-testid="planner-chart"][data-lines]').waitFor({ timeout: 60_000 });
  const entry = page.locator('[data-testid="planner-entry"]');
  await entry.fill('60000');
  await page.locator('[data-testid="planner-stop"]').fill('58500');
  await page.waitForTimeout(300);
  await page.evaluate(RECORDER);
  await entry.click();
  await page.keyboard.press('End');
  for (let i = 0; i < KEYS / 2; i += 1) {
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(30);
    await page.keyboard.press(String(1 + (i % 9)));
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(200);
  const r = (await page.evaluate('window.__plannerBench')) as { applied: number[]; painted: number[]; framesLate: number[]; missed: number };
  const inNext = r.framesLate.filter((f) => f <= 1).length;
  console.log(`keystroke -> chart told the new lines (render + recompute + effect): ${line(r.applied)}`);
  console.log(`keystroke -> the frame that paints them: ${line(r.painted)}`);
  console.log(`painted in the next frame (budget: within one frame): ${inNext} of ${r.framesLate.length} keys; frames late p95 ${pct(r.framesLate, 95)}, max ${Math.max(0, ...r.framesLate)}; keys without a chart change: ${r.missed}`);
  console.log(loadLine());
} finally {
  await bench.close();
}
