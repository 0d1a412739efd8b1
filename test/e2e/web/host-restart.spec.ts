import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT, freshDataDir, startHostProcess, type HostProcess } from './host-process';
import { AppPage } from './pages/app-page';
import { HostPage } from './pages/host-page';

const SHOTS = path.join(REPO_ROOT, 'test/e2e/screenshots');
const portOf = (h: HostProcess): string => new URL(h.url).port;

let dataDir: string;
const hosts: HostProcess[] = [];
test.beforeEach(() => {
  dataDir = freshDataDir('host-restart');
});
test.afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(extra: string[] = []): Promise<HostProcess> {
  const h = await startHostProcess(dataDir, extra);
  hosts.push(h);
  return h;
}

test('a stopped host shows a banner over an inert page; the page reconnects by itself when it is back on the same port', async ({ page }) => {
  const app = new AppPage(page);
  const banner = new HostPage(page);
  const first = await start();
  await app.open(first.url);
  await expect(banner.gone).toBeHidden();

  await first.stop();
  await expect(banner.gone).toBeVisible();
  await expect(banner.gone).toHaveAttribute('data-reason', 'closed');
  await expect(banner.gone).toContainText('not running');
  await expect(banner.gone).toContainText(`port ${portOf(first)}`);
  await expect(banner.shell).toHaveAttribute('data-host', 'gone');
  await expect(page.locator('main.view')).toHaveAttribute('inert', '');
  await page.screenshot({ path: path.join(SHOTS, 'host-gone-dark.png') });

  // The same workspace folder keeps its token: the bookmarked link is still the right one.
  const second = await start(['--port', portOf(first)]);
  expect(second.token).toBe(first.token);
  expect(second.url).toBe(first.url);
  await expect(banner.gone).toBeHidden({ timeout: 15_000 });
  await expect(app.root).toHaveAttribute('data-app-state', 'ready');
  await expect(banner.shell).toHaveAttribute('data-host', 'live');
  await app.goTo('settings');

  // Light theme, for the screenshot of the banner in both themes.
  await app.themeOption('light').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await second.stop();
  await expect(banner.gone).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'host-gone-light.png') });
});

test('a host restarted with --new-token refuses the open page, which says so; the old link gets a page that says how to get a fresh one', async ({ page }) => {
  const app = new AppPage(page);
  const host = new HostPage(page);
  const first = await start();
  await app.open(first.url);
  await first.stop();
  await expect(host.gone).toHaveAttribute('data-reason', 'closed');

  const renewed = await start(['--port', portOf(first), '--new-token']);
  expect(renewed.token).not.toBe(first.token);
  await expect(host.gone).toHaveAttribute('data-reason', 'refused', { timeout: 15_000 });
  await expect(host.gone).toContainText('LEVDESK_URL');

  // A fresh load of the old link (a goto that changes only the fragment would not reload).
  await page.goto('about:blank');
  await page.goto(first.url);
  await expect(app.root).toHaveAttribute('data-app-state', 'error');
  await expect(host.tokenRefused).toBeVisible();
  await expect(host.tokenRefused).toContainText('LEVDESK_URL=http://127.0.0.1:PORT/#token=');
  await expect(host.tokenRefused).toContainText('npm run web');
  await expect(host.tokenRefused).toContainText('web-host.json');
  await page.screenshot({ path: path.join(SHOTS, 'token-refused-dark.png') });

  // The fresh link works.
  await app.open(renewed.url);
});
