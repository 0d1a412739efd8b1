import { expect, test } from './fixtures';
import { TradePage } from './pages/trade-page';
import { crashScenario, saveScenario } from './pages/trade-setup';

test('a replay opens on the bars before its start: a labelled warm-up for synthetic markets, stored history for real ones', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  // 300 bars of warm-up plus the opening bar, never one lonely tick.
  await expect.poll(async () => Number(await trade.chart.getAttribute('data-bars'))).toBeGreaterThan(300);
  await expect(trade.chartHistory).toHaveAttribute('data-source', 'warm-up');
  await expect(trade.chartHistory).toContainText('modelled warm-up');

  // The October 2025 cascade: the 1m trade excerpt starts at the window, the stored 5m mark series
  // reaches back ten days, so the chart opens on real mark-price history.
  await trade.loadScenario('cascade-2025-10-10');
  await expect(trade.chartHistory).toHaveAttribute('data-source', 'stored-mark');
  await expect.poll(async () => Number(await trade.chart.getAttribute('data-bars'))).toBeGreaterThan(300);
});

test('funding shows the coming settlement: the stored rate on a real window, the model estimate on a synthetic one', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  // Black Thursday, 01:00 UTC: the next real settlement (08:00) was the -0.30 % floor.
  await trade.loadScenario('black-thursday-2020-03-13');
  await expect(trade.fundingRate).toHaveText('-0.3000%');
  await expect(trade.fundingRate).toHaveAttribute('data-source', 'history');
  await expect(trade.fundingRateSource).toHaveText('stored');

  await trade.loadScenario('funding-squeeze');
  await expect(trade.fundingRate).toHaveAttribute('data-source', 'estimate');
  await expect(trade.fundingRateSource).toHaveText('est.');
  // Three days at a 40 bps premium: once the premium is established the estimate leaves zero.
  await trade.seekTo('2024-05-01T03:00:00Z');
  await expect(trade.fundingRate).not.toHaveText('0.0000%');
});

test('keys move the replay: faster and slower, a tick forward and back, a bar forward and back', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('gbm-day');
  await trade.speedOption('600x').click();
  await trade.replayKey(']');
  await expect(trade.speed).toHaveAttribute('data-value', '1800x');
  await trade.replayKey(']');
  await expect(trade.speed).toHaveAttribute('data-value', '7200x');
  await trade.replayKey('[');
  await expect(trade.speed).toHaveAttribute('data-value', '1800x');

  // gbm-day: a tick every 5 s, 1m bars, starting 2024-01-01 00:00:00.
  await expect(trade.replayTime).toContainText('00:00:00');
  await trade.replayKey('.');
  await expect(trade.replayTime).toContainText('00:00:05');
  await trade.replayKey('.');
  await expect(trade.replayTime).toContainText('00:00:10');
  await trade.replayKey(',');
  await expect(trade.replayTime).toContainText('00:00:05');
  await trade.replayKey('>');
  await expect(trade.replayTime).toContainText('00:01:05');
  await trade.replayKey('<');
  await expect(trade.replayTime).toContainText('00:00:05');
  // The keys are listed in the help.
  await trade.replayKey('?');
  await expect(trade.testId('help-dialog')).toContainText('Step one tick back');
  await expect(trade.testId('help-dialog')).toContainText('Replay faster / slower');
});

test('a liquidation pauses a fast replay by itself (on by default), and says so', async ({ page, host, request }) => {
  await saveScenario(request, host, 'e2e-pause', crashScenario({ id: 'e2e-pause', traders: 500, leverage: 50 }));
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('e2e-pause');
  await trade.stepUntilPriced();
  await expect(await trade.pauseOn('liquidation')).toBeChecked();
  await expect(await trade.pauseOn('fill')).not.toBeChecked();
  await trade.buyAtMarket('0.5');
  await expect(trade.tab('positions')).toContainText('1');

  await trade.play('7200x');
  await expect(trade.pausedBy).toContainText('you were liquidated', { timeout: 45_000 });
  await expect(trade.pausedBy).toHaveAttribute('data-event', 'liquidation');
  await expect(trade.replayBar).toHaveAttribute('data-state', 'paused');
  // Paused at the liquidation, not at the end: the crash is at minute 30 of 240.
  await expect(trade.replayTime).toContainText('2024-03-01 00:');
  // Toasts carry signs and thousands separators: "insurance fund +1,295.65" (or "-…").
  await expect(trade.toast('liquidation').first()).toContainText(/insurance fund [+-]\d{1,3}(,\d{3})*\.\d{2}/);
});
