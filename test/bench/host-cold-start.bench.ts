/**
 * Cold start of the web host to a ready page: from spawning `node dist/host.cjs` on a fresh data
 * folder to the renderer's data-app-state="ready" in Chromium (browser already running, new page
 * per run). Median of 5. Needs a build (`npm run build`).
 */
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { resolveChromium } from '../../scripts/chromium-path';
import { freshDataDir, startHostProcess } from '../e2e/web/host-process';

const RUNS = 5;
const browserChoice = resolveChromium();
const browser = await chromium.launch({
  executablePath: browserChoice.executablePath,
  env: { ...process.env, ...browserChoice.env } as Record<string, string>,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const times: number[] = [];
const untilUrl: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const dataDir = freshDataDir(`bench-${i}`);
  const started = performance.now();
  const host = await startHostProcess(dataDir);
  untilUrl.push(performance.now() - started);
  const page = await browser.newPage();
  await page.goto(host.url);
  await page.locator('#root[data-app-state="ready"]').waitFor();
  times.push(performance.now() - started);
  await page.close();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
await browser.close();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`web host cold start, spawn -> LEVDESK_URL printed: median ${median(untilUrl).toFixed(0)} ms (runs: ${untilUrl.map((t) => t.toFixed(0)).join(', ')})`);
console.log(`web host cold start, spawn -> page ready:          median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
