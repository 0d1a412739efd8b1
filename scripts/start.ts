/**
 * `npm start [-- --port N --data-dir DIR]`: builds, then runs the desktop app under Electron
 * when its binary is installed; otherwise says why and serves the same app from the web host
 * (opening the browser when there is a display).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, findElectronBinary, nativeBindingFor } from './electron-binary';

function run(args: string[]): boolean {
  return spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' }).status === 0;
}

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function startWebHost(reason: string): void {
  process.stderr.write(`\nLevdesk: not starting the desktop window because ${reason}.\nStarting the web host instead (same app, served on 127.0.0.1).\n\n`);
  const args = [path.join(REPO_ROOT, 'dist', 'host.cjs'), ...process.argv.slice(2)];
  if (hasDisplay()) args.push('--open');
  else process.stderr.write('No display found: open the LEVDESK_URL below in a browser on this machine.\n');
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function main(): void {
  if (!run(['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'build.ts')])) process.exit(1);
  const electron = findElectronBinary();
  if ('missing' in electron) return startWebHost(electron.missing);
  if (!hasDisplay()) return startWebHost('there is no display (DISPLAY/WAYLAND_DISPLAY unset)');
  if (!fs.existsSync(nativeBindingFor(electron.version))) {
    process.stderr.write(`Building SQLite for Electron ${electron.version} (first start only)…\n`);
    if (!run(['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'native-electron.ts')])) {
      return startWebHost(`better-sqlite3 could not be built for Electron ${electron.version} (Electron's headers need the network once)`);
    }
  }
  const child = spawn(electron.executable, [REPO_ROOT, ...process.argv.slice(2)], { cwd: REPO_ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main();
