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

test('the replay fills a resting limit order: fill toast, position, fills table', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('flash-crash');
  await trade.stepUntilPriced();
  // 2x, so the rest of the crash does not liquidate the new long.
  await trade.leverage.fill('2');
  await trade.leverage.press('Enter');
  await expect(trade.leverage).toHaveValue('2');
  await trade.orderType.selectOption('limit');
  await trade.price.fill('56000');
  await trade.quantity.fill('0.1');
  await trade.submit.click();
  await expect(trade.tab('open')).toContainText('1');

  // The crash (minute 120) takes the last price through 56,000.
  await trade.play('max');
  await expect(trade.toast('fill').first()).toContainText('Bought 0.100 BTC', { timeout: 30_000 });
  await trade.pause();
  await expect(trade.tab('positions')).toContainText('1');
  await trade.tab('positions').click();
  const position = trade.rows('positions').first();
  await expect(position.locator('[data-col="side"]')).toHaveText('Long');
  await expect(position.locator('[data-col="size"]')).toHaveText('0.100');
  await expect(position.locator('[data-col="entry"]')).toHaveText('56,000.0');
  await trade.tab('fills').click();
  await expect(trade.rows('fills').first().locator('[data-col="price"]')).toHaveText('56,000.0');
  await expect(trade.tab('open')).not.toContainText('1');
});
