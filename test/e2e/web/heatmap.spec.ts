import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { HeatmapPage } from './pages/heatmap-page';
import { TradePage } from './pages/trade-page';

const run = promisify(execFile);

interface CliLevels {
  at: string;
  source: string;
  levels: { priceFrom: string; long: { quantity: string; notional: string; count: number }; stops: { quantity: string; count: number } }[];
  own: { side: string; liquidationPrice: string | null }[];
}

test('the engine heatmap draws your liquidation line, and a level hovered equals levdesk heatmap at the same time', async ({ page, host }) => {
  test.setTimeout(180_000);
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('cascade-2025-10-10');
  await trade.seekTo('2025-10-10T21:00:00Z');
  await trade.buyAtMarket('0.1');
  await expect(trade.tab('positions')).toContainText('1');

  const hm = new HeatmapPage(page);
  await hm.open();
  await expect(hm.canvas).toHaveAttribute('data-drawn', 'yes');
  await expect(hm.view).toHaveAttribute('data-source', 'engine');
  await expect(hm.sourceLabel).toContainText('ENGINE');
  const liq = hm.ownLines.and(page.locator('[data-kind="liquidation"]'));
  await expect(liq).toHaveCount(1);
  // The canvas holds colour: some pixels of the plot differ from the background.
  const coloured = await hm.canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<string>();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return seen.size;
  });
  expect(coloured).toBeGreaterThan(20);

  const at = (await hm.cumulative.getAttribute('data-at'))!;
  const cli = await run(process.execPath, [path.join(REPO_ROOT, 'bin/levdesk.mjs'), 'heatmap', 'cascade-2025-10-10', '--at', at, '--bins', '40', '--workspace', host.dataDir], { cwd: REPO_ROOT, maxBuffer: 1 << 24 });
  const doc = JSON.parse(cli.stdout) as CliLevels;
  expect(doc.source).toBe('engine');
  expect(doc.at).toBe(at);
  expect(doc.own).toHaveLength(1);
  expect(Number(await liq.getAttribute('data-price'))).toBeCloseTo(Number(doc.own[0]!.liquidationPrice), 6);
  // The busiest long level, hovered in the cumulative map: the same exact decimals as the CLI.
  let best = 0;
  doc.levels.forEach((l, i) => {
    if (l.long.count > doc.levels[best]!.long.count) best = i;
  });
  await hm.level(best).hover();
  await expect(hm.levelTip).toBeVisible();
  const row = hm.detail(hm.levelTip, 'long');
  await expect(row).toHaveAttribute('data-quantity', doc.levels[best]!.long.quantity);
  await expect(row).toHaveAttribute('data-count', String(doc.levels[best]!.long.count));
  await expect(row).toHaveAttribute('data-notional', doc.levels[best]!.long.notional);
  await expect(hm.detail(hm.levelTip, 'stops')).toHaveAttribute('data-quantity', doc.levels[best]!.stops.quantity);

  // A cell of the canvas hovered gives its exact amounts too.
  const box = (await hm.canvas.boundingBox())!;
  await hm.canvas.hover({ position: { x: box.width * 0.3, y: box.height * 0.5 } });
  await expect(hm.cellTip).toBeVisible();
});

test('a market without a crowd shows the estimate, labelled ESTIMATED with its parameters', async ({ page, host }) => {
  const trade = new TradePage(page);
  await trade.open(host.url);
  await trade.loadScenario('cascade-2025-10-10-no-crowd');
  await trade.seekTo('2025-10-10T21:10:00Z');
  const hm = new HeatmapPage(page);
  await hm.open();
  await expect(hm.view).toHaveAttribute('data-source', 'estimate');
  await expect(hm.sourceLabel).toContainText('ESTIMATED');
  await expect(hm.estimateParams).toContainText('ESTIMATED');
  await expect(hm.testId('heatmap-estimate-mix')).toHaveValue(/5:30, 10:30/);
  await expect(hm.canvas).toHaveAttribute('data-source', 'estimate');
  // Editing the half-life recomputes: the map at the cursor changes.
  const before = await hm.cumulative.innerHTML();
  await hm.testId('heatmap-estimate-halflife').fill('1');
  await expect.poll(() => hm.cumulative.innerHTML()).not.toBe(before);
  // Forcing the engine source on a crowd-less market: nothing but the market, and it says engine.
  await hm.sourceOption('engine').click();
  await expect(hm.view).toHaveAttribute('data-source', 'engine');
});
