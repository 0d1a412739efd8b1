/**
 * The browser side every view bench shares: the real web host (the built bundle) on a fresh data
 * directory, Debian's Chromium (or the bundled one) launched headless without a GPU, pages opened
 * on the app and waited on until it is ready, and everything closed and removed at the end.
 * Needs a build (`npx tsx scripts/build.ts`). Headless Chromium without a GPU paces
 * requestAnimationFrame at 60 Hz, so 16.7 ms is the best possible frame.
 */
import { chromium, request as pwRequest, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import { resolveChromium } from '../../../scripts/chromium-path';
import { freshDataDir, startHostProcess, type HostProcess } from '../../e2e/web/host-process';

export const VIEWPORT = { width: 1440, height: 900 } as const;

export interface BenchBrowser {
  readonly host: HostProcess;
  readonly browser: Browser;
  /** For the host's RPC from the bench process (saving scenarios, reading the replay clock). */
  readonly request: APIRequestContext;
  /** A new page, navigated to the app and waited on until `data-app-state="ready"` (unless `ready: false`). */
  newPage(options?: { ready?: boolean }): Promise<Page>;
  /** One RPC call over the host, as the renderer's web transport makes it; returns `value`. */
  rpc<T>(channel: string, input?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function openBenchBrowser(label: string): Promise<BenchBrowser> {
  const dataDir = freshDataDir(label);
  const host = await startHostProcess(dataDir);
  const request = await pwRequest.newContext();
  const choice = resolveChromium();
  const browser = await chromium.launch({
    executablePath: choice.executablePath,
    env: { ...process.env, ...choice.env } as Record<string, string>,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    host,
    browser,
    request,
    async newPage(options = {}) {
      const page = await browser.newPage({ viewport: VIEWPORT });
      if (options.ready !== false) {
        await page.goto(host.url);
        await page.locator('#root[data-app-state="ready"]').waitFor();
      }
      return page;
    },
    async rpc<T>(channel: string, input: unknown = {}) {
      const res = await request.post(`${host.origin}/api/rpc/${channel}`, { headers: { Authorization: `Bearer ${host.token}` }, data: input });
      const body = (await res.json()) as { ok?: boolean; value?: T; error?: { message: string } };
      if (body.ok === false) throw new Error(`${channel}: ${body.error?.message ?? 'failed'}`);
      return body.value as T;
    },
    async close() {
      await browser.close();
      await request.dispose();
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
