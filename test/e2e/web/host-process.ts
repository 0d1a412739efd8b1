import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const HOST_BUNDLE = path.join(REPO_ROOT, 'dist/host.cjs');

export interface HostProcess {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  /** What the host wrote to stderr so far (its warnings and errors; attached to a failed test). */
  log(): string;
  stop(): Promise<void>;
}

export function freshDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `levdesk-e2e-${label}-`));
}

/**
 * Starts the real web host (the built bundle, as `npm run web` does) on a free port and waits
 * for its LEVDESK_URL line: the app's own ready signal, never a sleep.
 */
export async function startHostProcess(dataDir: string, extraArgs: string[] = []): Promise<HostProcess> {
  if (!fs.existsSync(HOST_BUNDLE)) throw new Error(`${HOST_BUNDLE} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [HOST_BUNDLE, '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept (the last 64 KiB) for the failure report: a host that refused or crashed says why there.
  let log = '';
  child.stderr?.on('data', (d: Buffer) => {
    log = (log + d.toString()).slice(-65_536);
  });
  // A host that dies without a word (a signal) says so in the report too.
  child.once('exit', (code, signal) => {
    log += `\n[the web host exited: code ${code}, signal ${signal}]\n`;
  });
  const url = await readUrl(child);
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: /token=([^&]+)/.exec(parsed.hash)?.[1] ?? '',
    dataDir,
    log: () => log,
    stop: () => stopProcess(child),
  };
}

function readUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const onExit = (code: number | null): void => reject(new Error(`web host exited (${code}) before it was ready: ${err}`));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^LEVDESK_URL=(\S+)$/m.exec(out);
      if (match?.[1]) {
        child.off('exit', onExit);
        resolve(match[1]);
      }
    });
    child.once('exit', onExit);
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
