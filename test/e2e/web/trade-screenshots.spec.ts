import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { TradePage } from './pages/trade-page';
import { crashScenario, saveScenario } from './pages/trade-setup';

const SHOTS = path.join(REPO_ROOT, 'test/e2e/screenshots');

/** After the crash's low (its liquidations on the chart): a long with stop and take-profit, and a resting order. */
async function stage(trade: TradePage): Promise<void> {
  await trade.loadScenario('e2e-shots');
  await trade.seekTo('2024-03-01T00:47:00Z');
  // The header's price comes with the next state push after the seek: wait for the crash's low.
  const price = async () => Number((await trade.lastPrice.textContent())!.replace(/,/g, ''));
  await expect.poll(price).toBeLessThan(55_000);
  const last = await price();
  await trade.orderType.selectOption('market');
  await trade.quantity.fill('0.25');
  await trade.stopLoss(String(Math.round(last * 0.94)));
  await trade.testId('ticket-tp-on').check();
  await trade.testId('ticket-tp-0-price').fill(String(Math.round(last * 1.15)));
  await trade.submit.click();
  await trade.confirmOk.click();
  await expect(trade.tab('positions')).toContainText('1');
  await trade.testId('ticket-stop-on').uncheck();
  await trade.testId('ticket-tp-on').uncheck();
  await trade.orderType.selectOption('limit');
  await trade.price.fill(String(Math.round(last * 0.985)));
  await trade.quantity.fill('0.1');
  await trade.submit.click();
  await expect(trade.tab('open')).toContainText('3');
  await trade.seekTo('2024-03-01T00:58:00Z');
  await trade.tab('positions').click();
}

async function clearToasts(page: Page): Promise<void> {
  const close = page.getByTestId('toasts').getByRole('button', { name: /^Dismiss/ });
  while ((await close.count()) > 0) await close.first().click();
}

test('screenshots of the Trade view in the dark and the light theme', async ({ page, host, request }) => {
  await saveScenario(request, host, 'e2e-shots', crashScenario({ id: 'e2e-shots', traders: 3000, leverage: 10 }));
  await page.setViewportSize({ width: 1280, height: 800 });
  const trade = new TradePage(page);
  await trade.open(host.url);
  await stage(trade);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(trade.chart).toHaveAttribute('data-lines', /stop/);
  await clearToasts(page);
  await page.screenshot({ path: path.join(SHOTS, 'trade-dark.png') });
  // Every number opens to its formula: the position's liquidation price, with its bracket.
  await trade.rows('positions').first().getByTestId('position-liq').click();
  await expect(trade.explainPanel).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'trade-explain-dark.png') });
  await page.keyboard.press('Escape');
  await expect(trade.explainPanel).toBeHidden();

  await trade.app.goTo('settings');
  await trade.app.themeOption('light').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await trade.app.goTo('trade');
  await expect(trade.chart).toHaveAttribute('data-lines', /stop/);
  await expect(trade.tab('positions')).toContainText('1');
  await clearToasts(page);
  await page.screenshot({ path: path.join(SHOTS, 'trade-light.png') });
});
