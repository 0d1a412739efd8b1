import path from 'node:path';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { TradePage } from './pages/trade-page';
import { crashScenario, saveScenario } from './pages/trade-setup';

test('a crash liquidates a 50x long: toast, chart marker, insurance fund change and the waterfall', async ({ page, host, request }) => {
  await saveScenario(request, host, 'e2e-crash', crashScenario({ id: 'e2e-crash', traders: 2000, leverage: 50 }));
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('e2e-crash');
  await trade.stepUntilPriced();
  await expect(trade.leverage).toHaveValue('50');
  const fundBefore = (await trade.insuranceBalance.textContent())?.trim();
  expect(fundBefore).not.toBe('—');

  await trade.orderType.selectOption('market');
  await trade.quantity.fill('0.5');
  await expect(trade.preview('liq')).not.toHaveText('—');
  await trade.submit.click();
  await trade.confirmOk.click();
  await expect(trade.toast('fill').first()).toContainText('Bought 0.500 BTC');
  await expect(trade.tab('positions')).toContainText('1');

  await trade.play('600x');
  const liquidated = trade.toast('liquidation').first();
  await expect(liquidated).toContainText('Liquidated: long 0.500 BTC', { timeout: 45_000 });
  await trade.pause();

  // The chart carries a liquidation marker; the fund moved; the table and the waterfall agree.
  await expect(trade.chart).toHaveAttribute('data-liquidation-markers', /^[1-9]/);
  await expect(trade.insuranceBalance).not.toHaveText(fundBefore!);
  await liquidated.getByRole('button', { name: 'Waterfall' }).click();
  const waterfall = trade.waterfallPanel;
  await expect(waterfall).toBeVisible();
  for (const step of ['mark', 'book', 'fee', 'fund', 'adl']) await expect(waterfall.locator(`[data-step="${step}"]`)).toBeVisible();
  await expect(waterfall.locator('[data-step="mark"]')).toContainText('crossed the liquidation price');
  await expect(waterfall.getByTestId('waterfall-fund-delta')).not.toHaveText('');
  await page.screenshot({ path: path.join(REPO_ROOT, 'test/e2e/screenshots/trade-waterfall-dark.png') });
  await page.keyboard.press('Escape');
  await expect(waterfall).toBeHidden();

  await trade.tab('liquidations').click();
  await expect(trade.rows('liquidations').first().locator('[data-col="account"]')).toHaveText('You');
  await trade.tab('positions').click();
  await expect(trade.table('positions').getByTestId('table-positions-empty')).toBeVisible();
});
