import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './electron-binary';

/**
 * Electron's binary is kept out of `npm install` (package.json `allowScripts` denies electron's
 * install script, which downloads it from GitHub and failed the whole install offline). `npm
 * start` fetches it on first run instead, by running that same script, bounded in time.
 */
export type FetchResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface FetchOptions {
  readonly root?: string;
  readonly timeoutMs?: number;
  /** Extra environment for the install script (tests point ELECTRON_MIRROR at a closed port). */
  readonly env?: Readonly<Record<string, string>>;
  readonly onOutput?: (chunk: string) => void;
}

export const FETCH_TIMEOUT_MS = 180_000;

/** The last line of the script's output that says something (its error), without stack frames. */
function lastReason(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at '));
  return (lines.find((l) => /error/i.test(l)) ?? lines[lines.length - 1] ?? 'no output').slice(0, 200);
}

export function fetchElectronBinary(options: FetchOptions = {}): Promise<FetchResult> {
  const root = options.root ?? REPO_ROOT;
  const script = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(script)) return Promise.resolve({ ok: false, reason: 'the electron package is not installed (run npm install)' });
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
    // The point of this run is the download: a skip flag left in the environment would make it a no-op.
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    const child = spawn(process.execPath, [script], { cwd: path.dirname(script), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      options.onOutput?.(chunk.toString());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ ok: false, reason: `no Electron binary after ${Math.round(timeoutMs / 1000)} s (download timed out)` });
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: err.message });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? { ok: true } : { ok: false, reason: lastReason(output) });
    });
  });
}
