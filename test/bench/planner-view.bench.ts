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
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { resolveChromium } from '../../scripts/chromium-path';
import { freshDataDir, startHostProcess } from '../e2e/web/host-process';

const KEYS = Number(process.env.KEYS ?? 200);

const dataDir = freshDataDir('bench-planner-view');
const host = await startHostProcess(dataDir);
const browserChoice = resolveChromium();
const browser = await chromium.launch({
  executablePath: browserChoice.executablePath,
  env: { ...process.env, ...browserChoice.env } as Record<string, string>,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

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

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const line = (xs: number[]): string => (xs.length === 0 ? 'none' : `p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (n=${xs.length})`);

try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.url);
  await page.locator('#root[data-app-state="ready"]').waitFor();
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
} finally {
  await browser.close();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
