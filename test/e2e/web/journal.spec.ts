import path from 'node:path';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { JournalPage } from './pages/journal-page';

const SHOTS = path.join(REPO_ROOT, 'test/e2e/screenshots');
const USDM = ['trade', 'order', 'position', 'transaction'].map((k) => path.join(REPO_ROOT, 'test/fixtures/journal/binance-usdm-2025', `accountA_usdm_${k}-history.csv`));

test('the Journal: preview and import a real Binance export, browse, annotate, statistics, reconciliation', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const j = new JournalPage(page);
  await j.app.open(host.url);
  await j.app.goTo('journal');
  await expect(j.view).toBeVisible();
  await expect(j.testId('table-journal-trips-empty')).toBeVisible();

  await j.tab('Import').click();
  await j.files.setInputFiles(USDM);
  await j.testId('journal-import-preview').click();
  const preview = j.testId('journal-import-preview-result');
  await expect(preview).toContainText('Would add 4794 rows');
  await expect(preview).toContainText('binance-trades');
  await expect(preview).toContainText('USDC, USDT');
  await j.testId('journal-import-commit').click();
  await expect(j.testId('journal-import-done')).toContainText('Added 4794 rows; the journal holds 39 round trips');

  await j.tab('Trades').click();
  await expect(j.count).toContainText('39');
  await j.rows.first().click();
  await page.keyboard.press('Enter');
  await expect(j.detail).toBeVisible();
  await expect(j.testId('journal-trip-chart')).toContainText('no stored candles');
  await j.testId('journal-notes').fill('Held through the **Oct 10** cascade.');
  await j.testId('journal-tags').fill('cascade overnight');
  await j.testId('journal-setup').fill('trend');
  await j.testId('journal-save').click();
  await expect(j.testId('journal-save-state')).toHaveText('Saved');
  await expect(j.rows.first()).toContainText('cascade overnight');

  // Tags filter: NOT cascade leaves 38 trips; ALL cascade leaves 1.
  await j.testId('journal-filter-tags-none').fill('cascade');
  await j.testId('journal-filter-tags-none').blur();
  await expect(j.count).toContainText('38');
  await j.testId('journal-filter-tags-none').fill('');
  await j.testId('journal-filter-tags-all').fill('cascade');
  await j.testId('journal-filter-tags-all').blur();
  await expect(j.count).toContainText('1');
  await j.testId('journal-filter-tags-all').fill('');
  await j.testId('journal-filter-tags-all').blur();
  await expect(j.count).toContainText('39');
  await j.rows.first().click();
  await page.keyboard.press('Enter');
  // The panel kept the scroll of the notes typed above: show the trip's facts from the top.
  await j.detail.evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'journal-dark.png') });

  await j.tab('Statistics').click();
  await j.testId('journal-filter-asset').selectOption('USDT');
  await expect(j.testId('journal-stats')).toHaveAttribute('data-asset', 'USDT');
  await expect(j.testId('journal-kpi-winrate')).toHaveText(/%$/);
  await expect(j.testId('journal-equity')).toBeVisible();
  await expect(j.testId('journal-scatter-missing')).toContainText('no stored candles');
  await page.screenshot({ path: path.join(SHOTS, 'journal-stats-dark.png') });

  await j.tab('Reconciliation').click();
  for (const asset of ['USDT', 'USDC', 'BNB']) await expect(j.reconcileRow(asset)).toHaveAttribute('data-zero', 'true');

  await j.app.goTo('settings');
  await j.app.themeOption('light').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await j.app.goTo('journal');
  await j.tab('Reconciliation').click();
  await expect(j.reconcileRow('USDT')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'journal-reconcile-light.png') });
  await j.tab('Statistics').click();
  await expect(j.testId('journal-equity')).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'journal-stats-light.png') });
  await j.tab('Trades').click();
  await j.rows.first().click();
  await page.keyboard.press('Enter');
  await expect(j.detail).toBeVisible();
  await j.detail.evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, 'journal-light.png') });
});
