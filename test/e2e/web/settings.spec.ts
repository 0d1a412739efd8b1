import path from 'node:path';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { AppPage } from './pages/app-page';

const SHOTS = path.join(REPO_ROOT, 'test/e2e/screenshots');

test('opens the app, shows every view in the navigation and the status bar', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  for (const view of ['trade', 'heatmap', 'decay', 'planner', 'journal', 'data', 'settings']) {
    await expect(app.nav(view)).toBeVisible();
  }
  await expect(app.statusShell).toHaveText('Web host');
  await expect(app.statusWorkspace).toContainText(host.dataDir);
  // The token left the address bar once the page had it.
  expect(page.url()).not.toContain('token=');
  // Every view is built: each opens its own screen, none is a placeholder.
  for (const view of ['heatmap', 'decay', 'planner', 'journal', 'data', 'settings', 'trade']) {
    await app.goTo(view);
    await expect(page.getByTestId(`${view}-view`)).toBeVisible();
  }
});

test('a setting changed in the UI survives a restart of the host', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.goTo('settings');

  await app.themeOption('light').click();
  await expect(app.saveState).toHaveAttribute('data-state', 'saved');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await app.marginModeOption('cross').click();
  await app.leverage.fill('25');
  await app.leverage.press('Enter');
  await expect(app.saveState).toHaveAttribute('data-state', 'saved');
  await app.precision.selectOption('4');
  await app.profile.selectOption('bybit-linear');
  await expect(app.saveState).toHaveAttribute('data-state', 'saved');
  await page.screenshot({ path: path.join(SHOTS, 'settings-light.png') });

  const restarted = await host.restart();
  await app.open(restarted.url);
  await app.goTo('settings');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(app.themeOption('light')).toHaveAttribute('aria-checked', 'true');
  await expect(app.marginModeOption('cross')).toHaveAttribute('aria-checked', 'true');
  await expect(app.leverage).toHaveValue('25');
  await expect(app.precision).toHaveValue('4');
  await expect(app.profile).toHaveValue('bybit-linear');
});

test('a leverage the contract refuses is reported and not saved', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.goTo('settings');
  await app.leverage.fill('500');
  await app.leverage.press('Enter');
  await expect(app.saveState).toHaveAttribute('data-state', 'error');
  await expect(app.saveState).toContainText('1 to 125');
  await page.reload();
  await expect(app.root).toHaveAttribute('data-app-state', 'ready');
  await app.goTo('settings');
  await expect(app.leverage).toHaveValue('10');
});

test('dark theme screenshot of the settings view', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.url);
  await app.goTo('settings');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: path.join(SHOTS, 'settings-dark.png') });
});
