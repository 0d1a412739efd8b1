import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

export interface ElectronBinary {
  readonly executable: string;
  readonly version: string;
}

/**
 * Finds the Electron binary WITHOUT require('electron'): newer Electron packages download on
 * first require, and this must work offline. Returns the reason when there is none.
 */
export function findElectronBinary(root = REPO_ROOT): ElectronBinary | { missing: string } {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pkgJson = path.join(pkgDir, 'package.json');
  if (!fs.existsSync(pkgJson)) return { missing: 'the electron package is not installed (run npm install)' };
  const version = (JSON.parse(fs.readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const pathTxt = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathTxt)) {
    return {
      missing: `the Electron ${version} binary is not downloaded (npm install leaves it out, see allowScripts in package.json); "npm start" fetches it when the network allows, as does "node node_modules/electron/install.js"`,
    };
  }
  const executable = path.join(pkgDir, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
  if (!fs.existsSync(executable)) return { missing: `the Electron binary ${executable} is missing` };
  return { executable, version };
}

export function nativeBindingFor(version: string, root = REPO_ROOT): string {
  return path.join(root, '.native', `electron-${version}`, 'better_sqlite3.node');
}
