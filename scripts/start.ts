/**
 * `npm start [-- --port N --data-dir DIR]`: builds, then runs the desktop app under Electron.
 * Electron's binary is not part of `npm install` (see scripts/electron-fetch.ts): the first start
 * fetches it when the network allows. Without it, or without a display, this says why and serves
 * the same app from the web host (opening the browser when there is a display).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, findElectronBinary, nativeBindingFor } from './electron-binary';
import { fetchElectronBinary } from './electron-fetch';
import { chooseShell, type FetchFailure, type StartDeps } from './start-plan';

const FAILURE_FILE = path.join(REPO_ROOT, 'node_modules', '.cache', 'levdesk', 'electron-fetch-failed.json');

function run(args: string[]): boolean {
  return spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' }).status === 0;
}

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function readFailure(): FetchFailure | null {
  try {
    const f = JSON.parse(fs.readFileSync(FAILURE_FILE, 'utf8')) as Partial<FetchFailure>;
    return typeof f.at === 'number' && typeof f.reason === 'string' ? { at: f.at, reason: f.reason } : null;
  } catch {
    return null;
  }
}

function writeFailure(failure: FetchFailure | null): void {
  try {
    if (failure === null) fs.rmSync(FAILURE_FILE, { force: true });
    else {
      fs.mkdirSync(path.dirname(FAILURE_FILE), { recursive: true });
      fs.writeFileSync(FAILURE_FILE, JSON.stringify(failure));
    }
  } catch {
    // Only a hint for the next start.
  }
}

const deps: StartDeps = {
  hasDisplay,
  electronPackageInstalled: () => fs.existsSync(path.join(REPO_ROOT, 'node_modules', 'electron', 'package.json')),
  findBinary: () => findElectronBinary(),
  fetchBinary: () => fetchElectronBinary(),
  lastFetchFailure: readFailure,
  recordFetchFailure: writeFailure,
  nativeReady: (version) => fs.existsSync(nativeBindingFor(version)),
  buildNative: () => run(['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'native-electron.ts')]),
  now: () => Date.now(),
  log: (line) => process.stderr.write(`${line}\n`),
};

function startWebHost(reason: string): void {
  process.stderr.write(`\nLevdesk: not starting the desktop window because ${reason}.\nStarting the web host instead (same app, served on 127.0.0.1).\n\n`);
  const args = [path.join(REPO_ROOT, 'dist', 'host.cjs'), ...process.argv.slice(2)];
  if (hasDisplay()) args.push('--open');
  else process.stderr.write('No display found: open the LEVDESK_URL below in a browser on this machine.\n');
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function main(): Promise<void> {
  if (!run(['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'build.ts')])) process.exit(1);
  const shell = await chooseShell(deps);
  if (shell.kind === 'web') return startWebHost(shell.reason);
  const child = spawn(shell.binary.executable, [REPO_ROOT, ...process.argv.slice(2)], { cwd: REPO_ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

void main();
