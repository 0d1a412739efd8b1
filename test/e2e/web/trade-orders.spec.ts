import { expect, test } from './fixtures';
import { TradePage } from './pages/trade-page';

test('a limit order placed from the ticket shows in open orders, with the engine preview before it is sent', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.stepUntilPriced();

  await trade.side('buy').click();
  await trade.orderType.selectOption('limit');
  await trade.price.fill('40000');
  await trade.quantity.fill('0.05');
  // The preview is the engine's: notional 40,000 x 0.05 = 2,000.00 at the limit price.
  await expect(trade.preview('notional')).toHaveText('2,000.00');
  await expect(trade.preview('liq')).not.toHaveText('—');
  await trade.submit.click();

  await expect(trade.tab('open')).toContainText('1');
  await trade.tab('open').click();
  const row = trade.rows('openOrders').first();
  await expect(row).toContainText('Limit');
  await expect(row).toContainText('40,000.0');
  await expect(row).toContainText('0.050');
  await expect(row.locator('[data-col="status"]')).toHaveText('Open');
});

test('a refused order says why and names the field', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.stepUntilPriced();
  await trade.orderType.selectOption('limit');
  await trade.price.fill('40000.05');
  await trade.quantity.fill('0.05');
  await trade.submit.click();
  await expect(trade.ticketError).toContainText(/tick/i);
  await expect(trade.price).toHaveAttribute('aria-invalid', 'true');
  await expect(trade.tab('open')).not.toContainText('1');
});
