import { expect, test } from './fixtures';
import { PlannerPage } from './pages/planner-page';
import { TradePage } from './pages/trade-page';

const num = (text: string | null): number => Number((text ?? '').replace(/,/g, ''));

test('the chart lines have grips: arrows move a tick (Shift ten), Enter puts the price in the plan, Escape puts it back', async ({ page, host }) => {
  const planner = new PlannerPage(page);
  await planner.open(host.url);
  await planner.plan({ equity: '10000', risk: '1', entry: '3920', stop: '3550', leverage: '5' });
  await planner.testId('planner-test-window').selectOption('black-thursday-2020-03-13');
  await expect(planner.testId('planner-chart')).not.toHaveAttribute('data-candles', '0');

  const stop = planner.grip('stop');
  await expect(stop).toHaveAttribute('data-price', '3550');
  await stop.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Enter');
  // 12 ticks of 0.1 above 3,550; the plan resizes from the new stop.
  await expect(planner.stop).toHaveValue('3551.2');
  await expect(stop).toHaveAttribute('data-price', '3551.2');

  const entry = planner.grip('entry');
  await entry.focus();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Escape');
  await expect(planner.entry).toHaveValue('3920');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(planner.entry).toHaveValue('3919.9');

  // A target given in R becomes a price target when its grip moves it.
  const t1 = planner.grip('tp0');
  const before = num(await t1.getAttribute('data-price'));
  await t1.focus();
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Enter');
  await expect(planner.rungValue(0)).toHaveValue((before + 1).toFixed(1).replace(/\.0$/, ''));
  await expect(planner.rungKind(0)).toHaveValue('price');
});

test("a plan's trailing stop waits for its limit entry and is placed when the entry fills", async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.seekTo('2024-01-01T00:10:00Z');
  await trade.stepUntilPriced();
  const last = num(await trade.lastPrice.textContent());
  const planner = new PlannerPage(page);
  await planner.app.goTo('planner');
  // A buy limit a little under the market: it rests, then fills as the price wanders.
  const entry = (Math.floor(last * 0.9995 * 10) / 10).toFixed(1);
  const stop = (Math.floor(last * 0.98 * 10) / 10).toFixed(1);
  await planner.plan({ equity: '10000', risk: '1', entry, stop, leverage: '10' });
  await planner.testId('planner-trail-on').check();
  await planner.testId('planner-trail-callback').fill('1');
  await expect(planner.send).toBeEnabled();
  await planner.send.click();
  await expect(page.locator('main.view')).toHaveAttribute('data-view', 'trade');
  await expect(trade.price).toHaveValue(entry);
  await trade.submit.click();
  const note = page.getByTestId('ticket-trailing-pending');
  await expect(note).toHaveAttribute('data-state', 'waiting');
  await expect(trade.tab('open')).toContainText('1');
  await trade.play('600x');
  // The replay pauses on the trader's fill by default; the trailing stop is placed on that fill.
  await expect(note).toHaveAttribute('data-state', 'placed', { timeout: 90_000 });
  await expect(note).toContainText(/#\d+ after entry #\d+ filled/);
  await trade.tab('open').click();
  await expect(page.getByRole('row').filter({ hasText: /trailing/i })).not.toHaveCount(0);
});
