import { expect, test } from './fixtures';
import { TradePage } from './pages/trade-page';

test('liquidation price, margin ratio and a funding payment open their explanations', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.stepUntilPriced();
  await trade.buyAtMarket('0.2');
  await trade.tab('positions').click();
  const row = trade.rows('positions').first();

  // Liquidation price: the formula, every input with its value, the bracket, the same number.
  const liq = row.getByTestId('position-liq');
  const shown = (await liq.textContent())!.trim();
  await liq.click();
  const panel = trade.explainPanel;
  await expect(panel.getByRole('heading', { name: /liquidation price/ })).toBeVisible();
  await expect(panel.getByTestId('explain-formula')).toContainText('LP =');
  await expect(panel.getByTestId('explain-inputs')).toContainText('Entry price');
  await expect(panel.getByTestId('explain-inputs')).toContainText('Maintenance margin rate');
  await expect(panel.getByTestId('explain-bracket')).toContainText('Tier');
  const exact = (await panel.getByTestId('explain-result').textContent())!;
  expect(Number(exact).toFixed(1)).toBe(shown.replace(/,/g, ''));
  // Escape closes it and gives the focus back to the number that opened it.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(liq).toBeFocused();

  await row.getByTestId('position-ratio').click();
  await expect(panel.getByRole('heading', { name: /margin ratio/ })).toBeVisible();
  await expect(panel.getByTestId('explain-formula')).toContainText('margin ratio');
  await panel.getByTestId('explain-close').click();

  // Funding settles at 08:00 UTC: the payment's amount explains itself.
  await trade.seekTo('2024-01-01T08:05:00Z');
  await trade.tab('funding').click();
  const amount = trade.rows('funding').first().getByTestId('funding-amount');
  await expect(amount).toBeVisible();
  await amount.click();
  await expect(panel.getByTestId('explain-formula')).toContainText('payment =');
  await expect(panel.getByTestId('explain-inputs')).toContainText(/mark/i);
});

test('keyboard: Shift+B sends the ticket, Shift+X cancels all, tabs move with arrows, a stop beyond liquidation is flagged', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.stepUntilPriced();
  const last = Number((await trade.lastPrice.textContent())!.replace(/,/g, ''));

  // A 50x long with its stop 5% under: the stop sits past the liquidation price.
  await trade.leverage.fill('50');
  await trade.leverage.press('Enter');
  await trade.orderType.selectOption('limit');
  await trade.price.fill(String(Math.round(last * 0.9)));
  await trade.quantity.fill('0.05');
  await trade.stopLoss(String(Math.round(last * 0.9 * 0.95)));
  await expect(trade.stopWarning).toContainText('beyond the liquidation price');
  await trade.testId('ticket-stop-on').uncheck();
  await expect(trade.stopWarning).toBeHidden();

  await trade.quantity.focus();
  await page.keyboard.press('Shift+B');
  await expect(trade.tab('open')).toContainText('1');
  // A sell above the market rests too.
  await trade.price.fill(String(Math.round(last * 1.1)));
  await page.keyboard.press('Shift+S');
  await expect(trade.tab('open')).toContainText('2');

  // Tabs: the selected tab is the one in the tab order; arrows move the selection.
  await trade.tab('positions').click();
  await page.keyboard.press('ArrowRight');
  await expect(trade.tab('open')).toHaveAttribute('aria-selected', 'true');
  await expect(trade.tab('open')).toBeFocused();
  await expect(trade.rows('openOrders')).toHaveCount(2);

  await page.keyboard.press('Shift+X');
  await expect(trade.toast('info').filter({ hasText: 'Canceled 2 orders' })).toBeVisible();
  await expect(trade.table('openOrders').getByTestId('table-openOrders-empty')).toBeVisible();

  // The chart's price toggle is a radio group too.
  await trade.testId('chart-mode').locator('[data-value="mark"]').click();
  await expect(trade.chart).toHaveAttribute('data-mode', 'mark');
  await page.keyboard.press('ArrowRight');
  await expect(trade.chart).toHaveAttribute('data-mode', 'index');
});
