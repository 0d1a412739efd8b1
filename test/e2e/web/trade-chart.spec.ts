import { expect, test } from './fixtures';
import { TradePage } from './pages/trade-page';

/** "59,933.4" -> 59933.4, for arithmetic on prices the test itself chooses. */
const num = (text: string | null): number => Number((text ?? '').replace(/,/g, ''));

test('dragging the stop line amends the stop order, with the new risk shown while dragging', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.stepUntilPriced();
  const last = num(await trade.lastPrice.textContent());
  const stop = Math.floor(last * 0.97);

  await trade.orderType.selectOption('market');
  await trade.quantity.fill('0.2');
  await trade.stopLoss(String(stop));
  await trade.submit.click();
  await trade.confirmOk.click();
  await expect(trade.tab('positions')).toContainText('1');
  await trade.tab('positions').click();
  const stopCell = trade.rows('positions').first().locator('[data-col="stops"]');
  await expect(stopCell).toContainText(stop.toLocaleString('en-US'));

  // Drag the stop's grip 60 px down: a lower stop, a bigger loss if hit.
  const grip = trade.testId('chart-handle-stop');
  await expect(grip).toBeVisible();
  const box = (await grip.boundingBox())!;
  const x = box.x + box.width + 80;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + 30, { steps: 3 });
  await page.mouse.move(x, y + 60, { steps: 3 });
  const preview = trade.testId('drag-preview');
  await expect(preview).toContainText('Loss if hit');
  await expect(preview).toContainText('of margin');
  await page.mouse.up();
  await expect(preview).toBeHidden();

  await expect(trade.toast('info').filter({ hasText: 'amended' })).toBeVisible();
  await expect(stopCell).not.toContainText(stop.toLocaleString('en-US'));
  const moved = num((await stopCell.locator('.down').textContent()) ?? '');
  expect(moved).toBeLessThan(stop);

  // The same by keyboard: focus the grip, ten ticks up with Shift+ArrowUp, Enter amends.
  await grip.focus();
  await page.keyboard.press('Shift+ArrowUp');
  await expect(preview).toContainText('Stop');
  await page.keyboard.press('Enter');
  await expect(stopCell.locator('.down')).not.toHaveText(moved.toLocaleString('en-US', { minimumFractionDigits: 1 }));
  const again = num((await stopCell.locator('.down').textContent()) ?? '');
  expect(again).toBeCloseTo(moved + 1, 5);
});
