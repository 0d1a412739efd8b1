import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { AppPage } from './pages/app-page';
import { DataPage } from './pages/data-page';

const SHOTS = path.join(REPO_ROOT, 'test/e2e/screenshots');
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/market');

test('a new workspace shows the embedded real markets: series with coverage and a candle chart', async ({ page, host }) => {
  const app = new AppPage(page);
  const data = new DataPage(page);
  await app.open(host.url);
  await app.goTo('data');
  await data.waitForDefaultData();
  await expect(page.getByTestId('data-summary')).toContainText('includes the embedded real data set');

  await data.series('binance', 'BTCUSDT', '1h', 'trade').click();
  await expect(page.getByTestId('series-detail')).toHaveAttribute('data-series', 'binance BTCUSDT 1h trade');
  await expect(data.chart).toHaveAttribute('data-candles', '720');
  await expect(data.coverageGaps).toHaveText('none');

  // Keyboard: Down moves to the next series and shows it.
  await data.series('binance', 'BTCUSDT', '1h', 'trade').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('series-detail')).not.toHaveAttribute('data-series', 'binance BTCUSDT 1h trade');

  // The October mark series is missing 2025-10-04 at the source: one gap of 288 candles.
  await data.series('binance', 'BTCUSDT', '5m', 'mark').click();
  await expect(data.coverageGaps).toContainText('1 inside the window (288 candles missing)');
  await expect(page.getByTestId('chart-interval')).toContainText('aggregated from 5m');
  await expect(page.getByTestId('funding-list')).toContainText('276 settlements');

  await data.series('binance', 'BTCUSDT', '1h', 'trade').click();
  await expect(data.chart).toHaveAttribute('data-candles', '720');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: path.join(SHOTS, 'data-dark.png') });
});

test('imports a file with progress and a summary, and refuses a bad one naming file, line and column', async ({ page, host }) => {
  const app = new AppPage(page);
  const data = new DataPage(page);
  await app.open(host.url);
  await app.goTo('data');
  await data.waitForDefaultData();
  await data.tab('import').click();

  await data.importInput.setInputFiles(path.join(FIXTURES, 'BTCUSDT-1m-2021-06-06.EXCERPT-first-240.csv'));
  await expect(page.getByTestId('import-files')).toContainText('BTCUSDT-1m-2021-06-06.EXCERPT-first-240.csv');
  await data.importRun.click();
  await expect(data.importResult).toHaveAttribute('data-rows-added', '240');
  await expect(data.importResult).toContainText('binance-spot BTCUSDT 1m trade');
  await expect(data.importResult).toContainText('8 decimals');

  // A malformed copy of a real file: nothing is added, the place is named.
  const lines = fs.readFileSync(path.join(FIXTURES, 'BTCUSDT-1h-2022-11.csv'), 'utf8').split('\n');
  lines[9] = lines[9]!.replace(/^(\d+),([\d.]+),([\d.]+),/, '$1,$2,1000.00,');
  const bad = path.join(host.dataDir, 'BTCUSDT-1h-2022-12.csv');
  fs.writeFileSync(bad, lines.join('\n'));
  await data.importInput.setInputFiles(bad);
  await data.importRun.click();
  await expect(data.importError).toBeVisible();
  await expect(page.getByTestId('problem-file')).toHaveText('BTCUSDT-1h-2022-12.csv');
  await expect(page.getByTestId('problem-where')).toHaveText('line 10, column 3 (high)');
  await expect(page.getByTestId('problem-message')).toContainText('is below low');
  await page.screenshot({ path: path.join(SHOTS, 'data-import-dark.png') });

  await data.tab('series').click();
  await expect(data.series('binance-spot', 'BTCUSDT', '1m', 'trade')).toBeVisible();
  await expect(data.series('binance', 'BTCUSDT', '1h', 'trade')).toContainText('720 candles');
});

test('edits a scenario with field-by-field errors, saves it and loads it into the replay', async ({ page, host }) => {
  const app = new AppPage(page);
  const data = new DataPage(page);
  await app.open(host.url);
  await app.goTo('data');
  await data.waitForDefaultData();
  // Tabs are keyboard reachable: Right arrow from Series reaches Import, then Scenarios.
  await data.tab('series').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(data.tab('scenarios')).toHaveAttribute('aria-selected', 'true');

  await data.scenario('venue-wick').click();
  await expect(data.scenarioJson).toHaveValue(/"type": "venue-wick"/);
  const text = await data.scenarioJson.inputValue();
  await data.scenarioJson.fill(text.replace('"volatility": 0.3', '"volatility": "high"').replace('"wickSeconds": 60', '"wickSecs": 60'));
  await expect(data.scenarioIssues).toHaveAttribute('data-valid', 'false');
  await expect(data.scenarioIssues).toContainText('market.volatility');
  await expect(data.scenarioIssues).toContainText('wickSecs');
  await expect(page.getByTestId('scenario-load')).toBeDisabled();

  await data.scenarioJson.fill(text.replace('"name": "One-venue wick"', '"name": "My wick"').replace('"wickPct": -0.1', '"wickPct": -0.2'));
  await expect(page.getByTestId('scenario-data')).toContainText('Valid: 1,440 ticks');
  await page.getByTestId('scenario-save-new').click();
  await expect(data.scenarioNote).toContainText('Saved as "My wick"');
  // The saved scenario is shown where the trader looks: selected, in view, marked.
  await expect(data.scenario('my-wick')).toContainText('just saved');
  await expect(data.scenario('my-wick')).toHaveAttribute('aria-selected', 'true');
  await expect(data.scenario('my-wick')).toBeInViewport();

  await page.getByTestId('scenario-load').click();
  await expect(data.scenarioNote).toContainText('Loaded into the replay: 1,440 ticks');

  // A stored scenario whose data the workspace lacks says so before it is loaded.
  await data.scenario('ftx-2022-11').click();
  const ftx = await data.scenarioJson.inputValue();
  await data.scenarioJson.fill(ftx.replace('"symbol": "BTCUSDT"', '"symbol": "ETHUSDT"'));
  await expect(page.getByTestId('scenario-data')).toContainText('no binance ETHUSDT 1h trade candles');
});

test('light theme screenshot of the Data view', async ({ page, host }) => {
  const app = new AppPage(page);
  const data = new DataPage(page);
  await app.open(host.url);
  await app.goTo('settings');
  await app.themeOption('light').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await app.goTo('data');
  await data.waitForDefaultData();
  // Two windows five years apart: the chart shows one unbroken window at a time (the latest by default).
  await data.series('binance', 'BTCUSDT', '1m', 'trade').click();
  await expect(data.chart).toHaveAttribute('data-candles', '120');
  await expect(page.getByTestId('series-window')).toContainText('2025-10-10 20:00 → 2025-10-10 22:00 (120)');
  await page.screenshot({ path: path.join(SHOTS, 'data-light.png') });
  await page.getByTestId('series-window').selectOption({ label: '2020-03-13 01:00 → 2020-03-13 03:00 (120)' });
  await expect(data.chart).toHaveAttribute('data-candles', '120');
  await expect(page.getByTestId('chart-interval')).toContainText('120 bars of 1m');
  await data.tab('scenarios').click();
  await data.scenario('cascade-2025-10-10').click();
  await expect(page.getByTestId('scenario-data')).toContainText('Valid: 480 ticks');
  await page.screenshot({ path: path.join(SHOTS, 'data-scenarios-light.png') });
});
