import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { REPO_ROOT, findElectronBinary, nativeBindingFor } from '../../../scripts/electron-binary';

/**
 * The real desktop app, when this machine has Electron's binary: the same flows as the web
 * project plus the shell's security checks. Without the binary the whole file is skipped with
 * one clear reason (CI installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1).
 */
const binary = findElectronBinary();
const skipReason =
  'missing' in binary
    ? `Electron e2e skipped: ${binary.missing}`
    : !fs.existsSync(nativeBindingFor(binary.version))
      ? `Electron e2e skipped: better-sqlite3 is not built for Electron ${binary.version} (run "npm run native:electron")`
      : null;

test.skip(skipReason !== null, skipReason ?? '');

async function launch(dataDir: string): Promise<{ app: ElectronApplication; page: Page }> {
  if ('missing' in binary) throw new Error(binary.missing);
  const app = await _electron.launch({
    executablePath: binary.executable,
    args: [REPO_ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, LEVDESK_DATA_DIR: dataDir },
  });
  const page = await app.firstWindow();
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
  return { app, page };
}

test('a setting changed in the desktop app survives a restart', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-electron-'));
  let { app, page } = await launch(dataDir);
  await expect(page.getByTestId('status-shell')).toHaveText('Electron');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('theme').locator('[data-value="light"]').click();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await app.close();
  ({ app, page } = await launch(dataDir));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the page has no Node, cannot navigate away, and unknown channels are refused', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-electron-'));
  const { app, page } = await launch(dataDir);
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys(window.levdesk ?? {}).sort())).toEqual(['invoke', 'subscribe', 'version']);
  const refused = await page.evaluate(() => window.levdesk?.invoke('fs.readFile', { path: '/etc/passwd' }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  await page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  const opened = await page.evaluate(() => window.open('https://example.org/') === null);
  expect(opened).toBe(true);
  expect(page.url()).toMatch(/^app:\/\/levdesk\//);
  expect(app.windows()).toHaveLength(1);
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
