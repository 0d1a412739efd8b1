import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const HOST_MAIN = path.join(REPO_ROOT, 'main/host/main.ts');

export interface HostChild {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Everything the host wrote on stderr so far. */
  stderr(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

export interface ExitedChild {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The arguments that run the web host from source (tsx), as `npm run web` runs its bundle. */
export function hostArgs(dataDir: string, extra: string[] = []): string[] {
  const rendererDir = path.join(dataDir, '..', 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  return ['--import', 'tsx', HOST_MAIN, '--port', '0', '--data-dir', dataDir, '--renderer-dir', rendererDir, ...extra];
}

/** A real web host process on a free port; resolves once it printed its LEVDESK_URL line. */
export function startHostChild(dataDir: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<HostChild> {
  const child = spawn(process.execPath, hostArgs(dataDir, extra), { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`web host exited (${code}) before it was ready: ${err}`));
    child.once('exit', onExit);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^LEVDESK_URL=(\S+)$/m.exec(out);
      if (!match?.[1]) return;
      child.off('exit', onExit);
      const url = new URL(match[1]);
      resolve({
        child,
        url: match[1],
        port: Number(url.port),
        token: /token=([^&]+)/.exec(url.hash)?.[1] ?? '',
        stderr: () => err,
        stop: () => stopChild(child),
      });
    });
  });
}

/** Runs a process to its end (the second host that must refuse, a CLI command). */
export function runToExit(args: string[], env: NodeJS.ProcessEnv = {}, as: { uid?: number; gid?: number } = {}): Promise<ExitedChild> {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, ...as });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}
