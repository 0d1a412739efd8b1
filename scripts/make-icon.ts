/**
 * Renders build/icon.svg to build/icon.png (1024 px) in Chromium (scripts/chromium-path.ts). The PNG is committed;
 * run this only after changing the SVG: `npx tsx scripts/make-icon.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { resolveChromium } from './chromium-path';
import { REPO_ROOT } from './electron-binary';

const svg = fs.readFileSync(path.join(REPO_ROOT, 'build', 'icon.svg'), 'utf8');
const choice = resolveChromium();
const browser = await chromium.launch({ executablePath: choice.executablePath, env: { ...process.env, ...choice.env } as Record<string, string>, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: path.join(REPO_ROOT, 'build', 'icon.png'), omitBackground: true });
await browser.close();
process.stderr.write('wrote build/icon.png\n');
