import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { HeatmapPage } from './pages/heatmap-page';
import { TradePage } from './pages/trade-page';

const SHOTS = path.join(REPO_ROOT, 'test/e2e/screenshots');

async function shoot(page: Page, hm: HeatmapPage, name: string, source: 'engine' | 'estimate'): Promise<void> {
  await expect(hm.view).toHaveAttribute('data-source', source);
  await expect(hm.canvas).toHaveAttribute('data-drawn', 'yes');
  await expect(hm.canvas).toHaveAttribute('data-source', source);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test('screenshots of the Heatmap view, both sources in both themes', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const trade = new TradePage(page);
  const hm = new HeatmapPage(page);
  await trade.open(host.url);
  await trade.loadScenario('cascade-2025-10-10');
  await trade.seekTo('2025-10-10T21:05:00Z');
  await trade.buyAtMarket('0.2');
  // Before the 21:20 low: a 10x long from 21:05 is liquidated on the way down.
  await trade.seekTo('2025-10-10T21:15:00Z');
  await hm.open();
  await expect(hm.ownLines.first()).toBeVisible();
  await shoot(page, hm, 'heatmap-engine-dark', 'engine');
  await hm.app.goTo('settings');
  await hm.app.themeOption('light').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await hm.open();
  await shoot(page, hm, 'heatmap-engine-light', 'engine');

  await hm.app.goTo('trade');
  await trade.loadScenario('cascade-2025-10-10-no-crowd');
  await trade.seekTo('2025-10-10T21:40:00Z');
  await hm.open();
  await shoot(page, hm, 'heatmap-estimate-light', 'estimate');
  await hm.app.goTo('settings');
  await hm.app.themeOption('dark').click();
  await hm.open();
  await shoot(page, hm, 'heatmap-estimate-dark', 'estimate');
});
