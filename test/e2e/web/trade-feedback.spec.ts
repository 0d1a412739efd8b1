import { expect, test } from './fixtures';
import { TradePage } from './pages/trade-page';
import { crashScenario, saveScenario } from './pages/trade-setup';

/** "59,933.4" -> 59933.4, for arithmetic on prices the test itself chooses. */
const num = (text: string | null): number => Number((text ?? '').replace(/,/g, ''));
const shown = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

test("a long's stop and take-profit read in their real trigger direction: confirmation, open orders and order history", async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.stepUntilPriced();
  const last = num(await trade.lastPrice.textContent());
  const stop = Math.floor(last * 0.97);
  const tp = Math.floor(last * 1.05);

  await trade.orderType.selectOption('market');
  await trade.quantity.fill('0.2');
  await trade.stopLoss(String(stop));
  await trade.takeProfit(0, String(tp));
  await trade.submit.click();
  // The confirmation restates the protection, each in the direction it fires.
  await expect(trade.testId('confirm-stop')).toHaveText(`Stop: sell the position when Mark ≤ ${shown(stop)}`);
  await expect(trade.testId('confirm-tp')).toHaveText(`Take-profit 1: sell 100% when Mark ≥ ${shown(tp)}`);
  await trade.confirmOk.click();
  await expect(trade.tab('open')).toContainText('2');

  await trade.tab('open').click();
  const triggers = trade.rows('openOrders').locator('[data-col="trigger"]');
  await expect(triggers.filter({ hasText: shown(tp) })).toHaveText(`Mark ≥ ${shown(tp)}`);
  await expect(triggers.filter({ hasText: shown(stop) })).toHaveText(`Mark ≤ ${shown(stop)}`);

  // Closing the position cancels both: the history keeps the same directions.
  await trade.tab('positions').click();
  await trade.rows('positions').first().getByTestId('position-close').click();
  await trade.confirmOk.click();
  await trade.tab('history').click();
  const past = trade.rows('orderHistory').locator('[data-col="trigger"]');
  await expect(past.filter({ hasText: shown(tp) })).toHaveText(`Mark ≥ ${shown(tp)}`);
  await expect(past.filter({ hasText: shown(stop) })).toHaveText(`Mark ≤ ${shown(stop)}`);
});

test('the preview names what it is missing instead of going blank; a limit order starts at the last price', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.stepUntilPriced();
  await trade.orderType.selectOption('limit');
  // Prefilled with the last price, as a real value (not a grey placeholder).
  await expect.poll(async () => num(await trade.price.inputValue())).toBe(num(await trade.lastPrice.textContent()));
  await trade.quantity.fill('0.1');
  await expect(trade.preview('cost')).not.toHaveText('—');
  await expect(trade.previewMissing).toBeHidden();

  await trade.testId('ticket-tp-on').check();
  await expect(trade.previewMissing).toHaveText('No preview yet: Take-profit 1: enter a price.');
  await expect(trade.previewMissing).toHaveAttribute('data-field', 'tp0');
  await trade.takeProfit(0, String(Math.round(num(await trade.lastPrice.textContent()) * 1.05)));
  await expect(trade.previewMissing).toBeHidden();

  await trade.price.fill('');
  await expect(trade.previewMissing).toHaveText('No preview yet: Enter a limit price.');
  // A field the trader cleared stays clear: the ticket does not fight the typing.
  await expect(trade.price).toHaveValue('');
});

test('a stop beyond the liquidation price is warned about once', async ({ page, host, request }) => {
  await saveScenario(request, host, 'e2e-stopwarn', crashScenario({ id: 'e2e-stopwarn', traders: 200, leverage: 50 }));
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('e2e-stopwarn');
  await trade.stepUntilPriced();
  const last = num(await trade.lastPrice.textContent());
  await trade.orderType.selectOption('market');
  await trade.quantity.fill('0.1');
  // 50x: liquidation about 2 % below; a stop 10 % below can never fire.
  await trade.stopLoss(String(Math.round(last * 0.9)));
  await expect(trade.stopWarning).toBeVisible();
  await expect(trade.testId('ticket-preview').getByText(/liquidated before/)).toHaveCount(1);
});

test('seeking back says how many of your commands were dropped; another scenario clears the toasts', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.seekTo('2024-01-01T00:10:00Z');
  await trade.orderType.selectOption('limit');
  // The prefilled limit price follows last through the seek (a stale one would fill at once).
  await expect.poll(async () => Number(await trade.price.inputValue())).toBe(num(await trade.lastPrice.textContent()));
  await trade.quantity.fill('0.1');
  await trade.submit.click();
  await expect(trade.tab('open')).toContainText('1');
  await trade.testId('ticket-pct-25').click();
  await trade.submit.click();
  await expect(trade.tab('open')).toContainText('2');

  await trade.seekTo('2024-01-01T00:05:00Z');
  await expect(trade.toast('info').filter({ hasText: 'Rewound' })).toHaveText(/Rewound to 2024-01-01 00:05:00: 2 of your commands were dropped/);
  await expect(trade.tab('open')).not.toContainText('2');

  await expect(page.getByTestId('toasts').locator('[data-testid^="toast-"]').first()).toBeVisible();
  await trade.loadScenario('jump-diffusion-day');
  await expect(page.getByTestId('toasts').locator('[data-testid^="toast-"]')).toHaveCount(0);
});

test('at 1280×800 the right column scrolls as one unit with the preview in reach, and the positions table keeps its key columns in view', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.stepUntilPriced();
  const last = num(await trade.lastPrice.textContent());
  await trade.orderType.selectOption('market');
  await trade.quantity.fill('0.2');
  await trade.stopLoss(String(Math.floor(last * 0.97)));
  await trade.takeProfit(0, String(Math.floor(last * 1.03)), '50');
  await trade.testId('ticket-tp-add').click();
  await trade.takeProfit(1, String(Math.floor(last * 1.06)), '50');

  // The preview is never under the account panel: the column scrolls, and the account follows the ticket.
  const preview = trade.testId('ticket-preview');
  await preview.scrollIntoViewIfNeeded();
  await expect(preview).toBeInViewport({ ratio: 0.99 });
  const previewBox = (await preview.boundingBox())!;
  const accountBox = (await trade.testId('account-panel').boundingBox())!;
  expect(accountBox.y).toBeGreaterThanOrEqual(previewBox.y + previewBox.height);
  const column = trade.testId('trade-right');
  expect(await column.evaluate((el) => el.scrollHeight > el.clientHeight && getComputedStyle(el).overflowY === 'auto')).toBe(true);

  await trade.submit.click();
  await trade.confirmOk.click();
  await trade.tab('positions').click();
  await expect(trade.rows('positions')).toHaveCount(1);
  const grid = trade.testId('table-positions-grid');
  const gridBox = (await grid.boundingBox())!;
  const actions = (await grid.locator('[role="columnheader"][data-col="actions"]').boundingBox())!;
  for (const col of ['symbol', 'side', 'size', 'entry', 'mark', 'liq', 'pnl']) {
    const box = (await grid.locator(`[role="columnheader"][data-col="${col}"]`).boundingBox())!;
    expect(box.x, col).toBeGreaterThanOrEqual(gridBox.x);
    expect(box.x + box.width, col).toBeLessThanOrEqual(actions.x + 1);
  }
  expect(await grid.evaluate((el) => el.scrollLeft)).toBe(0);
});
