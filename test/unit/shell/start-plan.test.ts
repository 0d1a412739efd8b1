import { describe, expect, it } from 'vitest';
import type { ElectronBinary } from '../../../scripts/electron-binary';
import type { FetchResult } from '../../../scripts/electron-fetch';
import { RETRY_FETCH_AFTER_MS, chooseShell, type FetchFailure, type StartDeps } from '../../../scripts/start-plan';

/** `npm start`'s choice of shell with every outside effect stubbed: the download fails, or works. */
const BINARY: ElectronBinary = { executable: '/x/electron', version: '41.7.1' };
const MISSING = { missing: 'the Electron 41.7.1 binary is not downloaded' };

function world(over: { display?: boolean; installed?: boolean; fetch?: FetchResult; failure?: FetchFailure | null; native?: boolean; nativeBuild?: boolean } = {}) {
  let downloaded = false;
  let failure = over.failure ?? null;
  const calls = { fetch: 0, native: 0, logs: [] as string[] };
  const deps: StartDeps = {
    hasDisplay: () => over.display ?? true,
    electronPackageInstalled: () => over.installed ?? true,
    findBinary: () => (downloaded ? BINARY : MISSING),
    fetchBinary: () => {
      calls.fetch += 1;
      const r = over.fetch ?? { ok: false, reason: 'getaddrinfo ENOTFOUND github.com' };
      downloaded = r.ok;
      return Promise.resolve(r);
    },
    lastFetchFailure: () => failure,
    recordFetchFailure: (f) => {
      failure = f;
    },
    nativeReady: () => over.native ?? true,
    buildNative: () => {
      calls.native += 1;
      return over.nativeBuild ?? true;
    },
    now: () => 1_000_000_000,
    log: (line) => calls.logs.push(line),
  };
  return { deps, calls, failure: () => failure };
}

describe('npm start chooses its shell', () => {
  it('a failed download starts the web host, saying why, and remembers the failure', async () => {
    const w = world();
    const shell = await chooseShell(w.deps);
    expect(shell).toEqual({ kind: 'web', reason: expect.stringContaining("Electron's binary could not be fetched (getaddrinfo ENOTFOUND github.com)") as string });
    expect(w.calls.fetch).toBe(1);
    expect(w.calls.logs.join('\n')).toMatch(/Fetching Electron's binary/);
    expect(w.failure()).toEqual({ at: 1_000_000_000, reason: 'getaddrinfo ENOTFOUND github.com' });
  });

  it('a download that works opens the desktop window', async () => {
    const w = world({ fetch: { ok: true }, failure: { at: 0, reason: 'old' } });
    expect(await chooseShell(w.deps)).toEqual({ kind: 'electron', binary: BINARY });
    expect(w.failure()).toBeNull();
  });

  it('does not download again within the hour after a failure', async () => {
    const w = world({ failure: { at: 1_000_000_000 - 5 * 60_000, reason: 'ETIMEDOUT' } });
    const shell = await chooseShell(w.deps);
    expect(w.calls.fetch).toBe(0);
    expect(shell.kind === 'web' && shell.reason).toMatch(/the last try, 5 min ago, failed \(ETIMEDOUT\)/);
    const later = world({ failure: { at: 1_000_000_000 - RETRY_FETCH_AFTER_MS - 1, reason: 'ETIMEDOUT' } });
    await chooseShell(later.deps);
    expect(later.calls.fetch).toBe(1);
  });

  it('without a display, goes to the web host without downloading', async () => {
    const w = world({ display: false });
    expect(await chooseShell(w.deps)).toEqual({ kind: 'web', reason: 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)' });
    expect(w.calls.fetch).toBe(0);
  });

  it('without the electron package, says to run npm install', async () => {
    const w = world({ installed: false });
    expect(await chooseShell(w.deps)).toEqual({ kind: 'web', reason: MISSING.missing });
    expect(w.calls.fetch).toBe(0);
  });

  it('falls back when SQLite cannot be built for Electron', async () => {
    const w = world({ fetch: { ok: true }, native: false, nativeBuild: false });
    const shell = await chooseShell(w.deps);
    expect(w.calls.native).toBe(1);
    expect(shell.kind === 'web' && shell.reason).toMatch(/better-sqlite3 could not be built for Electron 41\.7\.1/);
  });
});
