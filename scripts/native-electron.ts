/**
 * `npm run native:electron`: builds better-sqlite3 for Electron's ABI into
 * .native/electron-<version>/better_sqlite3.node, leaving node_modules on Node's ABI for tests
 * and the web host (main/store/db.ts loads this copy through `nativeBinding` under Electron).
 * Needs Electron's headers, so it needs the network the first time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { rebuild } from '@electron/rebuild';
import { REPO_ROOT, findElectronBinary, nativeBindingFor } from './electron-binary';

async function main(): Promise<void> {
  const electron = findElectronBinary();
  const version = 'version' in electron ? electron.version : readElectronVersion();
  const target = nativeBindingFor(version);
  const work = path.join(REPO_ROOT, '.native', `work-${version}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, 'node_modules'), { recursive: true });
  const source = path.join(REPO_ROOT, 'node_modules', 'better-sqlite3');
  const sqliteVersion = (JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string }).version;
  fs.cpSync(source, path.join(work, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'levdesk-native', version: '0.0.0', dependencies: { 'better-sqlite3': sqliteVersion } }));
  process.stderr.write(`building better-sqlite3 ${sqliteVersion} for Electron ${version}…\n`);
  await rebuild({ buildPath: work, electronVersion: version, onlyModules: ['better-sqlite3'], force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target);
  fs.rmSync(work, { recursive: true, force: true });
  process.stderr.write(`wrote ${path.relative(REPO_ROOT, target)}\n`);
}

function readElectronVersion(): string {
  const pkg = path.join(REPO_ROOT, 'node_modules', 'electron', 'package.json');
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

main().catch((err: unknown) => {
  process.stderr.write(`native:electron failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
