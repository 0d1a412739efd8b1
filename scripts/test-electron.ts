/**
 * `npm run test:e2e:electron`: runs the Electron Playwright project when this machine can run
 * the desktop app, and otherwise prints the one reason it is skipped (and succeeds).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, findElectronBinary, nativeBindingFor } from './electron-binary';

const binary = findElectronBinary();
const reason =
  'missing' in binary
    ? binary.missing
    : !fs.existsSync(nativeBindingFor(binary.version))
      ? `better-sqlite3 is not built for Electron ${binary.version} (run "npm run native:electron")`
      : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
        ? 'there is no display (run under xvfb-run)'
        : null;

if (reason) {
  console.log(`Electron end-to-end tests skipped: ${reason.replace(/\.$/, "")}.`);
  process.exit(0);
}
const build = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts/build.ts')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--project=electron'], {
  stdio: 'inherit',
  cwd: REPO_ROOT,
});
process.exit(run.status ?? 1);
