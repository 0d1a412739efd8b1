import { expect, test } from './fixtures';
import { TradePage } from './pages/trade-page';

const num = (text: string | null): number => Number((text ?? '').replace(/[,+]/g, ''));

test('position actions: add margin moves liquidation away, set a stop by keyboard, Shift+C closes after confirming', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.stepUntilPriced();
  await trade.leverage.fill('20');
  await trade.leverage.press('Enter');
  await trade.buyAtMarket('0.2');
  await trade.tab('positions').click();
  const row = trade.rows('positions').first();
  const liq = row.getByTestId('position-liq');
  await expect(liq).not.toHaveText('—');
  const before = num(await liq.textContent());

  // Add 200 USDT of isolated margin: a long's liquidation price moves down.
  await row.getByTestId('position-margin').click();
  await trade.testId('margin-amount').fill('200');
  await trade.confirmOk.click();
  await expect(trade.testId('margin-dialog')).toBeHidden();
  await expect.poll(async () => num(await liq.textContent())).toBeLessThan(before);

  // A stop from the SL/TP dialog, with its risk shown before saving.
  await row.getByTestId('position-stops').click();
  const last = num(await trade.lastPrice.textContent());
  await trade.testId('stops-stop').fill(String(Math.round(last * 0.98)));
  await expect(trade.testId('stops-dialog').getByTestId('risk-preview')).toContainText('Loss if hit');
  await trade.confirmOk.click();
  await expect(trade.testId('stops-dialog')).toBeHidden();
  await expect(row.locator('[data-col="stops"] .down')).toHaveText(Math.round(last * 0.98).toLocaleString('en-US', { minimumFractionDigits: 1 }));
  await expect(trade.chart).toHaveAttribute('data-lines', /stop/);

  // Shift+C asks first (Settings: confirm market orders), then closes at market.
  await trade.tab('positions').focus();
  await page.keyboard.press('Shift+C');
  await expect(trade.testId('close-dialog')).toBeVisible();
  await trade.confirmOk.click();
  await expect(trade.table('positions').getByTestId('table-positions-empty')).toBeVisible();
  await expect(trade.toast('fill').filter({ hasText: 'Sold 0.200 BTC' })).toBeVisible();
});

test('a restart carries the session on: the position is there and the replay stands where it stopped', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.stepUntilPriced();
  await trade.buyAtMarket('0.05');
  await expect(trade.toast('fill').first()).toBeVisible();
  for (let i = 0; i < 5; i++) await trade.testId('replay-step').click();
  await trade.tab('positions').click();
  const entry = await trade.rows('positions').first().locator('[data-col="entry"]').textContent();
  const time = await trade.testId('replay-time').textContent();

  const restarted = await host.restart();
  await trade.open(restarted.url);
  await expect(trade.replayBar).toHaveAttribute('data-state', 'paused');
  await expect(trade.scenario).toHaveValue('gbm-day');
  await expect(trade.testId('replay-time')).toHaveText(time!);
  await trade.tab('positions').click();
  await expect(trade.rows('positions')).toHaveCount(1);
  await expect(trade.rows('positions').first().locator('[data-col="entry"]')).toHaveText(entry!);
  // And it goes on from there.
  await trade.testId('replay-step').click();
  await expect(trade.testId('replay-time')).not.toHaveText(time!);
  await expect(trade.rows('positions')).toHaveCount(1);
});
