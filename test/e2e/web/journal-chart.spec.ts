import path from 'node:path';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { JournalPage } from './pages/journal-page';

const SHOTS = path.join(REPO_ROOT, 'test/e2e/screenshots');

/**
 * Fills inside the embedded 1m BTCUSDT candles of 2025-10-10 20:00-21:59 UTC: a USDT long scaled
 * in twice, a BTC-settled trip at the same time (convertible at BTCUSDT), and one in 2024 that no
 * stored candle covers (its conversion must be reported missing, never guessed).
 */
const FILLS = [
  'time,symbol,side,price,quantity,fee,fee_asset,realized_pnl,trade_id,position_side,settle_asset',
  '2025-10-10T20:30:10Z,BTCUSDT,BUY,117000,0.010,0.4680,USDT,0,1,LONG,USDT',
  '2025-10-10T20:40:00Z,BTCUSDT,BUY,116500,0.010,0.4660,USDT,0,2,LONG,USDT',
  '2025-10-10T21:00:05Z,BTCUSDT,SELL,114200,0.020,0.9136,USDT,-55,3,LONG,USDT',
  '2025-10-10T20:31:00Z,BTCUSD_PERP,SELL,117000,10,0.00000400,BTC,0,4,SHORT,BTC',
  '2025-10-10T21:10:00Z,BTCUSD_PERP,BUY,113000,10,0.00000400,BTC,0.00030252,5,SHORT,BTC',
  '2024-03-01T10:00:00Z,BTCUSD_PERP,BUY,60000,10,0.00000400,BTC,0,6,LONG,BTC',
  '2024-03-01T12:00:00Z,BTCUSD_PERP,SELL,61000,10,0.00000400,BTC,0.00000273,7,LONG,BTC',
].join('\n');

test('the trip chart marks every fill at its price; totals convert at stored prices only when asked', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 860 });
  const j = new JournalPage(page);
  await j.app.open(host.url);
  await j.app.goTo('journal');
  await j.tab('Import').click();
  await j.files.setInputFiles({ name: 'fills.csv', mimeType: 'text/csv', buffer: Buffer.from(`${FILLS}\n`) });
  await j.testId('journal-import-commit').click();
  await expect(j.testId('journal-import-done')).toContainText('the journal holds 3 round trips');

  await j.tab('Trades').click();
  await j.testId('journal-filter-symbol').selectOption('BTCUSDT');
  await expect(j.count).toContainText('1');
  await j.rows.first().click();
  await page.keyboard.press('Enter');
  const chart = j.testId('journal-trip-chart');
  await expect(chart).toContainText('BTCUSDT 1m candles');
  await expect(chart.locator('.candle-chart')).toHaveAttribute('data-markers', '3');
  await expect(chart.locator('canvas').first()).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'journal-chart-dark.png') });

  await j.testId('journal-filter-symbol').selectOption('');
  await j.tab('Statistics').click();
  await expect(j.testId('journal-stats')).toHaveAttribute('data-converted', '');
  await j.testId('journal-convert').selectOption('USDT');
  await expect(j.testId('journal-stats')).toHaveAttribute('data-converted', 'USDT');
  await expect(j.testId('journal-stats-converted')).toContainText('Converted to USDT');
  await expect(j.testId('journal-stats-missing')).toContainText('1 BTC');
  await j.tab('Reconciliation').click();
  await expect(j.testId('journal-converted-BTC')).toContainText('1/2');
  await expect(j.testId('journal-converted-BTC')).toContainText('without a stored price');
  await expect(j.testId('journal-converted-total')).toContainText('USDT');
  await expect(j.testId('journal-unreconcilable')).toContainText('no transaction history was imported');
  await page.screenshot({ path: path.join(SHOTS, 'journal-convert-dark.png') });
  await j.testId('journal-convert').selectOption('');
  await expect(j.testId('journal-converted')).toHaveCount(0);
});
