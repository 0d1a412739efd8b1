import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives in a development checkout. node_modules
 * keeps Node's build for tests and the web host; packaged apps are rebuilt in place by
 * electron-builder and need no override.
 */
export function electronNativeBindingPath(repoRoot: string, electronVersion: string): string {
  return path.join(repoRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

export function findElectronNativeBinding(repoRoot: string, electronVersion: string, packaged: boolean): string | undefined {
  if (packaged) return undefined;
  const file = electronNativeBindingPath(repoRoot, electronVersion);
  return fs.existsSync(file) ? file : undefined;
}
