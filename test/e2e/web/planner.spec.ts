import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { PlannerPage } from './pages/planner-page';

const SHOTS = path.join(REPO_ROOT, 'test/e2e/screenshots');

/** `levdesk size` through the real binary, on the same inputs. */
function levdeskSize(doc: object): Record<string, unknown> {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/levdesk.mjs'), 'size'], { cwd: REPO_ROOT, input: JSON.stringify(doc), encoding: 'utf8', timeout: 30_000 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const EXAMPLE = { equity: '10000', risk: '1', entry: '60000', stop: '58500', leverage: '20' };

test('the issue example gives the same quantity, loss and liquidation price as levdesk size with the same fees and slippage', async ({ page, host }) => {
  const planner = new PlannerPage(page);
  await planner.open(host.url);
  await planner.plan(EXAMPLE);
  const doc = { profile: 'binance-usdm', symbol: 'BTCUSDT', equity: '10000', riskFraction: '0.01', side: 'long', entry: '60000', stop: '58500', leverage: 20 };
  // The Planner's default slippage is the book model at the size; levdesk size prices it the same way when told "book".
  await expect(planner.testId('planner-slippage-source')).toHaveAttribute('data-value', 'book model');
  const cli = levdeskSize({ ...doc, book: {} });
  expect(cli.feesAssumed).toBe(true);
  expect(cli.slippageAssumed).toBe(true);
  await expect(planner.quantity).toHaveAttribute('data-value', String(cli.quantity));
  await expect(planner.loss).toHaveAttribute('data-value', String(cli.riskCash));
  await expect(planner.liquidation).toHaveAttribute('data-value', String(cli.liquidationPrice));
  await expect(planner.verdict).toHaveAttribute('data-value', 'safe');
  await expect(planner.maxSafeLeverage).toHaveAttribute('data-value', String(cli.maxSafeLeverage));
  // Formatted for reading, exact in data-value.
  await expect(planner.quantity).toContainText('0.064');
  await expect(planner.loss).toContainText('99.98');
  await expect(planner.liquidation).toContainText('57,228.9');
  await expect(planner.testId('planner-slippage-note')).toContainText('58,497');
  // A typed slippage of 0 is levdesk size's default: the two agree again, with the same (default) fees.
  await planner.testId('planner-slippage').fill('0');
  await expect(planner.testId('planner-slippage-source')).toHaveAttribute('data-value', 'input');
  const plain = levdeskSize(doc);
  expect(plain.slippageAssumed).toBe(false);
  await expect(planner.loss).toHaveAttribute('data-value', String(plain.riskCash));
  await expect(planner.quantity).toHaveAttribute('data-value', String(plain.quantity));
  await expect(planner.liquidation).toHaveAttribute('data-value', String(plain.liquidationPrice));
});

test('50x marks the stop unsafe and names the highest safe leverage; the number opens to its working', async ({ page, host }) => {
  const planner = new PlannerPage(page);
  await planner.open(host.url);
  await planner.plan({ ...EXAMPLE, leverage: '50' });
  await expect(planner.verdict).toHaveAttribute('data-value', 'unsafe');
  await expect(planner.maxSafeLeverage).toHaveAttribute('data-value', '34');
  await expect(planner.verdict).toContainText('34x');
  await planner.liquidation.click();
  await expect(planner.explain).toContainText('LP = (q x P₀ - WB - cum)');
  await expect(planner.explain).toContainText('59,036.1');
  await page.keyboard.press('Escape');
  await expect(planner.explain).toBeHidden();
  // Clicking the strip's highest safe point brings the verdict back to safe.
  await planner.leverage.fill('34');
  await expect(planner.verdict).toHaveAttribute('data-value', 'safe');
});

for (const size of [
  { width: 1440, height: 900, suffix: '' },
  { width: 1280, height: 800, suffix: '-1280' },
]) {
  test(`screenshots of the Planner in the dark and the light theme at ${size.width}x${size.height}`, async ({ page, host }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    const planner = new PlannerPage(page);
    await planner.open(host.url);
    await planner.plan({ equity: '10000', risk: '1', entry: '3920', stop: '3550', leverage: '5' });
    await planner.testId('planner-trail-on').check();
    await planner.testId('planner-test-window').selectOption('black-thursday-2020-03-13');
    await planner.testId('planner-test-minute').fill('80');
    await expect(planner.testId('planner-chart')).not.toHaveAttribute('data-candles', '0');
    await planner.testId('planner-test-run').click();
    await expect(planner.testId('planner-test-result')).toBeVisible();
    await expect(planner.grip('stop')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `planner${size.suffix}-dark.png`) });
    await planner.app.goTo('settings');
    await planner.app.themeOption('light').click();
    await planner.app.goTo('planner');
    await expect(planner.quantity).toBeVisible();
    await planner.testId('planner-test-run').click();
    await expect(planner.testId('planner-test-result')).toBeVisible();
    await expect(planner.grip('stop')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `planner${size.suffix}-light.png`) });
  });
}

test('Send to ticket: the ladder and the trailing stop reach the Trade ticket intact', async ({ page, host }) => {
  const planner = new PlannerPage(page);
  await planner.open(host.url);
  await planner.plan(EXAMPLE);
  await planner.rungValue(0).fill('1');
  await planner.rungPercent(0).fill('30');
  await planner.rungValue(1).fill('2');
  await planner.rungPercent(1).fill('30');
  await planner.testId('planner-add-rung').click();
  await planner.rungValue(2).fill('3');
  await planner.rungPercent(2).fill('40');
  await planner.testId('planner-trail-on').check();
  await planner.testId('planner-trail-callback').fill('1.5');
  await planner.testId('planner-trail-activation').fill('63000');
  await expect(planner.quantity).toHaveAttribute('data-value', '0.064');
  await planner.send.click();
  await expect(page.locator('main.view')).toHaveAttribute('data-view', 'trade');
  await expect(page.getByTestId('ticket-qty')).toHaveValue('0.064');
  await expect(page.getByTestId('ticket-price')).toHaveValue('60000');
  await expect(page.getByTestId('ticket-stop-price')).toHaveValue('58500');
  await expect(page.getByTestId('ticket-tp-0-price')).toHaveValue('61500');
  await expect(page.getByTestId('ticket-tp-1-price')).toHaveValue('63000');
  await expect(page.getByTestId('ticket-tp-2-price')).toHaveValue('64500');
  await expect(page.getByTestId('ticket-tp-0-pct')).toHaveValue('30');
  await expect(page.getByTestId('ticket-tp-2-pct')).toHaveValue('40');
  const trailing = page.getByTestId('ticket-plan-trailing');
  await expect(trailing).toHaveAttribute('data-callback', '0.015');
  await expect(trailing).toHaveAttribute('data-activation', '63000');
  await expect(trailing).toHaveAttribute('data-quantity', '0.064');
});
