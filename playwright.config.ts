import { defineConfig } from '@playwright/test';
import { resolveChromium } from './scripts/chromium-path';

/**
 * Two projects over the same flows: `web` drives the built renderer in Chromium through the web
 * host (always runs); `electron` launches the real app when its binary is installed. The browser
 * is Debian's /usr/bin/chromium (or CHROMIUM_PATH), and where that does not exist the headless
 * Chromium of the npm package @sparticuz/chromium (scripts/chromium-path.ts). Never
 * `npx playwright install`.
 */
const chromium = resolveChromium();
// The config is loaded again in each worker: say it once.
if (chromium.note && process.env.TEST_WORKER_INDEX === undefined) process.stderr.write(`e2e: ${chromium.note}\n`);
export const CHROMIUM_PATH = chromium.executablePath;

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'web',
      testDir: 'test/e2e/web',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          env: { ...process.env, ...chromium.env } as Record<string, string>,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
        trace: 'retain-on-failure',
      },
    },
    { name: 'electron', testDir: 'test/e2e/electron' },
  ],
});
