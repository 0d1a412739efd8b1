import { expect, test } from './fixtures';
import { TradePage } from './pages/trade-page';

test('pause-on choices are kept in the workspace: a restarted host shows and applies them', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  // The boxes show the replay's answer (the saved choice), so click and wait for it.
  await (await trade.pauseOn('fill')).click();
  await expect(await trade.pauseOn('fill')).toBeChecked();
  await (await trade.pauseOn('liquidation')).click();
  await expect(await trade.pauseOn('liquidation')).not.toBeChecked();

  const restarted = await host.restart();
  await trade.open(restarted.url);
  await expect(trade.replayBar).toHaveAttribute('data-state', 'paused');
  await expect(await trade.pauseOn('fill')).toBeChecked();
  await expect(await trade.pauseOn('liquidation')).not.toBeChecked();
  await expect(await trade.pauseOn('stop')).not.toBeChecked();

  // And the restored choice works: your own market order, sent while the replay plays, stops it.
  await trade.stepUntilPriced();
  await trade.play('1x');
  await trade.buyAtMarket('0.05');
  await expect(trade.pausedBy).toContainText('your order filled');
  await expect(trade.pausedBy).toHaveAttribute('data-event', 'fill');
  await expect(trade.replayBar).toHaveAttribute('data-state', 'paused');
});

test('step back rewinds like a seek back: it says so, and says how many of your commands it dropped', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await expect(trade.testId('replay-step-back')).toHaveAttribute('aria-label', /rewinds your session/);
  await trade.seekTo('2024-01-01T00:10:00Z');
  await trade.orderType.selectOption('limit');
  // A bid well below the market rests as an open order.
  await trade.price.fill(String(Math.floor(Number((await trade.lastPrice.textContent())!.replace(/,/g, '')) * 0.9)));
  await trade.quantity.fill('0.1');
  await trade.submit.click();
  await expect(trade.tab('open')).toContainText('1');

  // gbm-day ticks every 5 s: one tick back is 00:09:55, before the order was placed.
  await trade.replayKey(',');
  await expect(trade.replayTime).toContainText('00:09:55');
  await expect(trade.toast('info').filter({ hasText: 'Rewound' })).toHaveText(/Rewound to 2024-01-01 00:09:55: 1 of your commands was dropped/);
  await expect(trade.tab('open')).not.toContainText('1');

  // A step back with nothing of yours after it drops nothing and says nothing.
  await trade.testId('toasts').locator('[data-testid^="toast-"] button').first().click();
  await trade.testId('replay-step-back').click();
  await expect(trade.replayTime).toContainText('00:09:50');
  await expect(trade.toast('info').filter({ hasText: 'Rewound' })).toHaveCount(0);
});
