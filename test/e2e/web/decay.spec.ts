import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { AppPage } from './pages/app-page';
import { DecayPage } from './pages/decay-page';

const SHOTS = path.join(REPO_ROOT, 'test/e2e/screenshots');

test('the Decay view compares tokens, margin positions and spot on the stored FTX month, exactly', async ({ page, host }) => {
  // Monte Carlo and exact runs on a shared 2-core machine: generous limits, no timing asserted.
  test.setTimeout(300_000);
  const app = new AppPage(page);
  const decay = new DecayPage(page);
  await page.setViewportSize({ width: 1280, height: 1100 });
  await app.open(host.url);
  await app.goTo('decay');
  await decay.waitForStoredPath();
  // Default instruments: 2, 3 (FTX), 5, -1, -3 tokens, a margin position of each, spot.
  await expect(decay.rows).toHaveCount(11);
  for (const id of ['token:2', 'token:3', 'token:5', 'token:-1', 'token:-3', 'margin:3', 'margin:-3', 'spot']) await expect(decay.row(id)).toHaveCount(1);
  // The same numbers as `levdesk decay` on that series (intraday highs/lows, stored funding, 0.03%/day fee).
  await expect(decay.row('spot')).toHaveAttribute('data-value-end', '0.8374776024');
  await expect(decay.row('token:3')).toHaveAttribute('data-value-end', '0.4945040287');
  await expect(decay.description).toContainText('funding from the stored history');
  await expect(decay.chart).toHaveAttribute('data-series', '11');
  await expect(decay.chart).toHaveAttribute('data-log', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: path.join(SHOTS, 'decay-dark.png') });

  // Export: the table as CSV with the exact decimals.
  const download = page.waitForEvent('download');
  await decay.exportCsv.click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, 'utf8');
  expect(csv.split('\r\n')[0]).toContain('instrument,label,value_end');
  expect(csv).toContain('token:3,');
  expect(csv).toContain('0.4945040287');

  // Typed returns: +10% / -10% ten times. Spot ends at 0.99^10; the daily 2x token below it.
  await decay.source.selectOption('returns');
  await decay.returns.fill('0.1, -0.1');
  await decay.repeat.fill('10');
  await decay.funding.selectOption('constant');
  await decay.run.click();
  await expect(decay.description).toContainText('typed returns 10%, -10% x 10', { timeout: 30_000 });
  await expect(decay.row('spot')).toHaveAttribute('data-value-end', '0.904382075');
  const token2 = Number(await decay.row('token:2').getAttribute('data-value-end'));
  expect(token2).toBeLessThan(0.904382075);
  await decay.logScale.uncheck();
  await expect(decay.chart).toHaveAttribute('data-log', 'false');

  // A bad input is named, and the last good result stays.
  await decay.returns.fill('0.1, -2');
  await decay.run.click();
  await expect(page.getByTestId('decay-error')).toContainText('source.returns', { timeout: 30_000 });
  await expect(decay.row('spot')).toHaveAttribute('data-value-end', '0.904382075');
});

test('the Decay view runs a Monte Carlo and the volatility x leverage grid on worker threads', async ({ page, host }) => {
  // Monte Carlo and exact runs on a shared 2-core machine: generous limits, no timing asserted.
  test.setTimeout(300_000);
  const app = new AppPage(page);
  const decay = new DecayPage(page);
  await page.setViewportSize({ width: 1280, height: 1250 });
  await app.open(host.url);
  await app.goTo('decay');
  await decay.tab('monte-carlo').click();
  await decay.mc('paths').fill('6000');
  await decay.mc('days').fill('180');
  await decay.mc('run').click();
  await expect(decay.mcRows).toHaveCount(4, { timeout: 120_000 });
  await expect(decay.mc('speed')).toContainText('6,000 paths');
  await expect(page.locator('[data-testid="mc-row"][data-leverage="3"]')).toContainText('%');
  await expect(page.getByTestId('decay-histogram')).toBeVisible();
  await expect(page.getByTestId('decay-fan')).toBeVisible();

  // A long run can be cancelled: the view stays usable and keeps the last result.
  await decay.mc('paths').fill('1000000');
  await decay.mc('days').fill('3650');
  await decay.mc('run').click();
  await expect(decay.mc('progress')).toBeVisible();
  await decay.mc('cancel').click();
  await expect(decay.mc('progress')).toBeHidden();
  await expect(decay.mcRows).toHaveCount(4);

  // Back to the inputs of the result on screen before the screenshot.
  await decay.mc('paths').fill('6000');
  await decay.mc('days').fill('180');
  await decay.grid('vols').fill('0.4, 0.8, 1.2');
  await decay.grid('levs').fill('-3, -1, 2, 3');
  await decay.grid('run').click();
  await expect(decay.heatCells).toHaveCount(12, { timeout: 120_000 });
  await page.screenshot({ path: path.join(SHOTS, 'decay-mc-dark.png'), fullPage: true });

  await app.goTo('settings');
  await app.themeOption('light').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await app.goTo('decay');
  await decay.waitForStoredPath();
  await page.screenshot({ path: path.join(SHOTS, 'decay-light.png') });
  await decay.tab('monte-carlo').click();
  await decay.mc('paths').fill('6000');
  await decay.mc('days').fill('180');
  await decay.mc('run').click();
  await expect(decay.mcRows).toHaveCount(4, { timeout: 120_000 });
  await page.screenshot({ path: path.join(SHOTS, 'decay-mc-light.png'), fullPage: true });
});
