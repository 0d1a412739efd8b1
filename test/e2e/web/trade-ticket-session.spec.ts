import { expect, test } from './fixtures';
import { TradePage } from './pages/trade-page';
import { crowdScenario, saveScenario } from './pages/trade-setup';

/**
 * The order ticket is re-made for a new session (another scenario), never under the trader's
 * hands. With a big crowd the session's answer (it carries the state hash, computed off main from
 * 20,000 accounts) comes seconds after the market is priced: a ticket keyed by that answer was
 * re-made then, dropping what had been typed, and a market order clicked just then was never sent.
 */
test('the ticket keeps what you typed while the session of a big crowd is still answering', async ({ page, host, request }) => {
  await saveScenario(request, host, 'e2e-big-crowd', crowdScenario({ traders: 25_000 }));
  const trade = new TradePage(page);
  await trade.open(host.url);
  let arrived = false;
  const answered = page
    .waitForResponse(async (r) => r.url().includes('/api/rpc/trading.session') && (await r.text()).includes('with 25000 traders'), { timeout: 60_000 })
    .then(() => (arrived = true));
  await trade.scenario.selectOption('e2e-big-crowd');
  await expect(trade.scenario).toHaveValue('e2e-big-crowd');
  await trade.stepUntilPriced();
  await trade.orderType.selectOption('market');
  await trade.quantity.fill('0.37');
  // What this test is about: the quantity was typed before the session answered (the hash of
  // 25,000 accounts is rebuilt off main for a second or more after the crowd has opened).
  expect(arrived).toBe(false);
  await answered;
  // The answer is in and rendered: the ticket is the same one, with the same quantity.
  await expect(trade.view).toHaveAttribute('data-session', 'active');
  await page.waitForTimeout(300);
  await expect(trade.quantity).toHaveValue('0.37');
  await trade.submit.click();
  await trade.confirmOk.click();
  await expect(trade.toast('fill').first()).toContainText('Bought 0.370 BTC');
});
