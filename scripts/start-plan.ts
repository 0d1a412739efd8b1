import type { ElectronBinary } from './electron-binary';
import type { FetchResult } from './electron-fetch';

/** Which shell `npm start` runs: the desktop window, or the web host and the one reason why. */
export type Shell = { readonly kind: 'electron'; readonly binary: ElectronBinary } | { readonly kind: 'web'; readonly reason: string };

export interface FetchFailure {
  readonly at: number;
  readonly reason: string;
}

/** Everything the decision touches, so it can be tested with a download that fails. */
export interface StartDeps {
  hasDisplay(): boolean;
  electronPackageInstalled(): boolean;
  findBinary(): ElectronBinary | { missing: string };
  fetchBinary(): Promise<FetchResult>;
  lastFetchFailure(): FetchFailure | null;
  recordFetchFailure(failure: FetchFailure | null): void;
  nativeReady(version: string): boolean;
  buildNative(version: string): boolean;
  now(): number;
  log(line: string): void;
}

/** After a failed download, starts within this time go straight to the web host (no new wait). */
export const RETRY_FETCH_AFTER_MS = 60 * 60 * 1000;

const FETCH_BY_HAND = '"node node_modules/electron/install.js" fetches it when the network allows';

export async function chooseShell(deps: StartDeps): Promise<Shell> {
  // No window can open: do not download 100 MB for nothing.
  if (!deps.hasDisplay()) return { kind: 'web', reason: 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)' };
  let binary = deps.findBinary();
  if ('missing' in binary) {
    if (!deps.electronPackageInstalled()) return { kind: 'web', reason: binary.missing };
    const last = deps.lastFetchFailure();
    if (last && deps.now() - last.at < RETRY_FETCH_AFTER_MS) {
      const minutes = Math.max(1, Math.round((deps.now() - last.at) / 60_000));
      return { kind: 'web', reason: `Electron's binary is not downloaded and the last try, ${minutes} min ago, failed (${last.reason}); ${FETCH_BY_HAND}` };
    }
    deps.log("Fetching Electron's binary (first start only)…");
    const fetched = await deps.fetchBinary();
    if (!fetched.ok) {
      deps.recordFetchFailure({ at: deps.now(), reason: fetched.reason });
      return { kind: 'web', reason: `Electron's binary could not be fetched (${fetched.reason}); ${FETCH_BY_HAND}` };
    }
    deps.recordFetchFailure(null);
    binary = deps.findBinary();
    if ('missing' in binary) return { kind: 'web', reason: binary.missing };
  }
  if (!deps.nativeReady(binary.version)) {
    deps.log(`Building SQLite for Electron ${binary.version} (first start only)…`);
    if (!deps.buildNative(binary.version)) {
      return { kind: 'web', reason: `better-sqlite3 could not be built for Electron ${binary.version} (Electron's headers need the network once)` };
    }
  }
  return { kind: 'electron', binary };
}
