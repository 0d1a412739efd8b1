import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchElectronBinary } from '../../scripts/electron-fetch';

/**
 * `npm start`'s first-run download of Electron's binary, for real: Electron's own install script
 * (from node_modules, in a stand-in package folder so the checkout's electron is untouched),
 * pointed at a mirror on this machine that refuses or never answers.
 */
const repo = path.resolve(import.meta.dirname, '../..');
let root: string;
let env: Record<string, string>;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-electron-fetch-'));
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  for (const f of ['install.js', 'package.json', 'checksums.json']) fs.copyFileSync(path.join(repo, 'node_modules/electron', f), path.join(pkg, f));
  for (const dep of ['@electron', 'extract-zip']) fs.symlinkSync(path.join(repo, 'node_modules', dep), path.join(root, 'node_modules', dep));
  // An empty download cache, so a zip fetched earlier on this machine cannot make it succeed.
  env = { electron_config_cache: path.join(root, 'cache'), ELECTRON_SKIP_BINARY_DOWNLOAD: '' };
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("fetching Electron's binary on first start", () => {
  it('fails with the reason when the mirror refuses, and leaves no binary', async () => {
    const r = await fetchElectronBinary({ root, env: { ...env, ELECTRON_MIRROR: 'http://127.0.0.1:9/' }, timeoutMs: 60_000 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/ECONNREFUSED/);
    expect(fs.existsSync(path.join(root, 'node_modules/electron/path.txt'))).toBe(false);
  });

  it('gives up after its timeout when the mirror never answers', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const started = Date.now();
      const r = await fetchElectronBinary({ root, env: { ...env, ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, timeoutMs: 3_000 });
      expect(r).toEqual({ ok: false, reason: 'no Electron binary after 3 s (download timed out)' });
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  });

  it('says so when the electron package is not installed', async () => {
    fs.rmSync(path.join(root, 'node_modules/electron'), { recursive: true });
    expect(await fetchElectronBinary({ root })).toEqual({ ok: false, reason: 'the electron package is not installed (run npm install)' });
  });
});
