import path from 'node:path';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { AppPage } from './pages/app-page';
import { DataPage } from './pages/data-page';
import { TradePage } from './pages/trade-page';

const SHOTS = path.join(REPO_ROOT, 'test/e2e/screenshots');

test('a scenario from a stored series: window picked on the chart, prefilled form, saved and shown where the trader looks', async ({ page, host }) => {
  const app = new AppPage(page);
  const data = new DataPage(page);
  await app.open(host.url);
  await app.goTo('data');
  await data.waitForDefaultData();
  await data.series('binance', 'BTCUSDT', '1h', 'trade').click();
  await data.newScenario.click();
  const form = data.fromSeries;
  await expect(form).toBeVisible();
  // Prefilled: the November 2022 month, history funding (the workspace holds it), no crowd, no account.
  await expect(form.getByTestId('sfs-start')).toHaveValue('2022-11-01 00:00');
  await expect(form.getByTestId('sfs-end')).toHaveValue('2022-12-01 00:00');
  await expect(form.getByTestId('sfs-funding')).toHaveValue('history');
  await expect(form.getByTestId('sfs-crowd-on')).not.toBeChecked();

  // Pick the window on the chart: the first click sets the start, the second the end.
  const chart = (await data.chart.boundingBox())!;
  await page.mouse.click(chart.x + chart.width * 0.3, chart.y + chart.height * 0.5);
  await expect(form.getByTestId('sfs-start')).not.toHaveValue('2022-11-01 00:00');
  await expect(form.getByTestId('sfs-picking')).toContainText('pick the end');
  await page.mouse.click(chart.x + chart.width * 0.6, chart.y + chart.height * 0.5);
  await expect(form.getByTestId('sfs-end')).not.toHaveValue('2022-12-01 00:00');
  await expect(data.chart).toHaveAttribute('data-picks', '2');
  // Typed by hand works too; a crowd is optional.
  await form.getByTestId('sfs-start').fill('2022-11-08 00:00');
  await form.getByTestId('sfs-end').fill('2022-11-10 00:00');
  await form.getByTestId('sfs-name').fill('FTX week, my cut');
  await form.getByTestId('sfs-crowd-on').check();
  await form.getByTestId('sfs-traders').fill('300');
  await expect(form.getByTestId('sfs-check')).toHaveText('2,880 minutes of 1h candles.');
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'data-scenario-form-dark.png') });
  await form.getByTestId('sfs-save').click();
  await expect(form.getByTestId('sfs-saved')).toContainText('Saved as “FTX week, my cut”');
  await form.getByTestId('sfs-load').click();
  await expect(form.getByTestId('sfs-loaded')).toContainText('Loaded into the replay');

  // "Show in Scenarios": the saved one is selected, in view and marked.
  await form.getByTestId('sfs-show').click();
  const id = (await page.getByTestId('scenario-list').locator('[data-just-saved="true"]').getAttribute('data-id'))!;
  const row = data.scenario(id);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
  await expect(row).toContainText('just saved');
  await expect(data.scenarioJson).toHaveValue(/"crowd"/);

  // It is in the Trade view's picker too.
  await app.goTo('trade');
  const trade = new TradePage(page);
  await expect(trade.scenario.locator(`option[value="${id}"]`)).toHaveText('FTX week, my cut');
});

test('coverage tells separate windows from holes inside a window', async ({ page, host }) => {
  const app = new AppPage(page);
  const data = new DataPage(page);
  await app.open(host.url);
  await app.goTo('data');
  await data.waitForDefaultData();
  // The 1m trade series holds two 2-hour excerpts five years apart: two windows, no hole.
  await data.series('binance', 'BTCUSDT', '1m', 'trade').click();
  await expect(page.getByTestId('coverage-windows')).toHaveAttribute('data-windows', '2');
  await expect(data.coverageGaps).toHaveText('none inside a window');
  await expect(data.series('binance', 'BTCUSDT', '1m', 'trade')).toContainText('2 windows');
  // The October mark series misses the 4th inside one month: one window with one hole.
  await data.series('binance', 'BTCUSDT', '5m', 'mark').click();
  await expect(page.getByTestId('coverage-windows')).toHaveAttribute('data-windows', '1');
  await expect(data.coverageGaps).toHaveText('1 inside the window (288 candles missing)');
  await page.screenshot({ path: path.join(SHOTS, 'data-coverage-dark.png') });
});

test('"USDⓈ-M" renders with the shipped glyph, not a missing-glyph box', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  const loaded = await page.evaluate(async () => {
    await document.fonts.load('13px "Levdesk Symbols"', 'Ⓢ');
    return document.fonts.check('13px "Levdesk Symbols"', 'Ⓢ');
  });
  expect(loaded).toBe(true);
  // The glyph has ink: a box or a blank would not measure like a circled letter next to the fallback.
  const widths = await page.evaluate(() => {
    const c = document.createElement('canvas').getContext('2d')!;
    c.font = '20px "Levdesk Symbols", sans-serif';
    const s = c.measureText('Ⓢ').width;
    c.font = '20px sans-serif';
    return { shipped: s, fallback: c.measureText('Ⓢ').width };
  });
  expect(widths.shipped).toBeGreaterThan(10);
  expect(widths.shipped).not.toBe(widths.fallback);
});
