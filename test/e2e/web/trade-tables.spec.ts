import fs from 'node:fs';
import { expect, test } from './fixtures';
import { TradePage } from './pages/trade-page';
import { crashScenario, saveScenario } from './pages/trade-setup';

test('CSV export of the fills holds the exact decimals the engine recorded', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.stepUntilPriced();
  await trade.buyAtMarket('0.123');
  await expect(trade.toast('fill').first()).toBeVisible();

  await trade.tab('fills').click();
  await expect(trade.rowCount('fills')).not.toHaveText('0 rows');
  const shownPrice = (await trade.rows('fills').first().locator('[data-col="price"]').textContent())!;
  const download = page.waitForEvent('download');
  await trade.csvButton('fills').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^levdesk-fills-.*\.csv$/);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  const [header, ...rows] = text.trim().split('\r\n');
  expect(header).toBe('Time,Symbol,Side,Price,Quantity,Fee,Realized PnL,Role,Order');
  const total = rows.reduce((sum, r) => sum + Number(r.split(',')[4]), 0);
  expect(total).toBeCloseTo(0.123, 9);
  const first = rows[0]!.split(',');
  expect(first[0]).toMatch(/^2024-01-01T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(first[1]).toBe('BTCUSDT');
  expect(first[2]).toBe('buy');
  // The file has the ledger's decimal string; the table shows it at the tick.
  expect(Number(first[3]).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })).toBe(shownPrice);
  expect(first[7]).toBe('Taker');
});

test('sorting, hidden columns and widths of a table survive a restart', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.tab('history').click();
  const grid = trade.table('orderHistory');
  await grid.getByRole('button', { name: /^Amount: sort/ }).click();
  await expect(grid.getByRole('columnheader', { name: /Amount/ })).toHaveAttribute('aria-sort', /ascending|descending/);
  const sort = await grid.getByRole('columnheader', { name: /Amount/ }).getAttribute('aria-sort');
  await trade.testId('table-orderHistory-columns').click();
  await trade.testId('table-orderHistory-columns-reason').uncheck();
  await page.keyboard.press('Escape');
  await expect(grid.locator('[role="columnheader"][data-col="reason"]')).toHaveCount(0);
  const width = grid.getByRole('separator', { name: 'Width of Symbol' });
  await width.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(width).toHaveAttribute('aria-valuenow', '134');

  // Saved to the workspace (debounced); a restarted host hands the same layout back.
  await expect(grid).toHaveAttribute('data-layout', 'saved');
  const restarted = await host.restart();
  await trade.open(restarted.url);
  await trade.tab('history').click();
  await expect(grid.getByRole('separator', { name: 'Width of Symbol' })).toHaveAttribute('aria-valuenow', '134');
  await expect(grid.getByRole('columnheader', { name: /Amount/ })).toHaveAttribute('aria-sort', sort!);
  await expect(grid.locator('[role="columnheader"][data-col="reason"]')).toHaveCount(0);
});

test('the Market tab pages 100,000 crowd positions from main and scrolls to the last one', async ({ page, host, request }) => {
  test.setTimeout(120_000);
  await saveScenario(request, host, 'e2e-crowd', crashScenario({ id: 'e2e-crowd', traders: 100_000 }));
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.scenario.selectOption('e2e-crowd');
  await expect(trade.view).toHaveAttribute('data-session', 'active', { timeout: 60_000 });
  await expect(trade.testId('replay-loading')).toHaveCount(0, { timeout: 60_000 });
  await trade.tab('market').click();
  await expect(trade.rowCount('crowd')).toHaveText('100,000 rows', { timeout: 20_000 });

  // Sorted by main: the largest notional first, then flipped to the smallest.
  const grid = trade.testId('table-crowd-grid');
  await expect(trade.rows('crowd').first()).toHaveAttribute('aria-rowindex', '2');
  await grid.getByRole('button', { name: /^Notional: sort/ }).click();
  await expect(grid.getByRole('columnheader', { name: /Notional/ })).toHaveAttribute('aria-sort', 'ascending');

  // Keyboard: End goes to the last of 100,000; only a screenful of rows is in the DOM.
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  const lastRow = grid.locator('[role="row"][aria-rowindex="100001"]');
  await expect(lastRow).toBeVisible();
  await expect(lastRow).not.toHaveAttribute('aria-busy', 'true');
  await expect(lastRow.locator('[data-col="account"]')).toHaveText(/^c:\d+$/);
  expect(await trade.rows('crowd').count()).toBeLessThan(120);
  await expect(grid).toHaveAttribute('aria-activedescendant', /row-99999$/);
});
