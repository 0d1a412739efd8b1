import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * `npm install` on a machine that reaches only the npm registry: no install script may need
 * another host. Electron's postinstall downloads its binary from GitHub, so package.json's
 * `allowScripts` (npm 11) denies it; `npm start` fetches the binary later (scripts/start-plan.ts).
 */
const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const npmMajor = Number(spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.split('.')[0]);

let temp: string | null = null;
afterEach(() => {
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
  temp = null;
});

/** The lockfile entries `name` needs, found the way Node resolves them (nested first, then up). */
function closure(name: string): Record<string, LockEntry> {
  const out: Record<string, LockEntry> = {};
  const queue = [`node_modules/${name}`];
  while (queue.length > 0) {
    const key = queue.shift()!;
    if (out[key]) continue;
    const entry = lock.packages[key];
    if (!entry) continue;
    out[key] = entry;
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      for (let at = key; ; at = at.slice(0, at.lastIndexOf('/node_modules/'))) {
        const candidate = `${at}/node_modules/${dep}`;
        if (lock.packages[candidate]) {
          queue.push(candidate);
          break;
        }
        if (!at.includes('/node_modules/')) {
          if (lock.packages[`node_modules/${dep}`]) queue.push(`node_modules/${dep}`);
          break;
        }
      }
    }
  }
  return out;
}

describe('the install policy', () => {
  it("denies electron's install script and allows the ones that build offline", () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.allowScripts['better-sqlite3']).toBe(true);
    expect(pkg.allowScripts.esbuild).toBe(true);
  });

  it('reviews every dependency that has an install script (none is left to npm to decide)', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, e]) => e.hasInstallScript)
      .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts).toContain('electron');
    for (const name of withScripts) expect(pkg.allowScripts, `allowScripts has no entry for ${name}`).toHaveProperty([name]);
  });

  it('builds the CLI bundle at install time (prepare), from local files only', () => {
    expect(pkg.scripts.prepare).toBe('tsx scripts/build.ts --only cli');
  });

  it('.ci/run uses the README commands, with no environment variable to make the install work', () => {
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
    expect(ci).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(ci).toMatch(/^npm (ci|install)\b/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it.skipIf(npmMajor < 11)(
    "a real npm install of electron under this policy runs no download (it would fail: this machine reaches no GitHub)",
    () => {
      temp = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-install-policy-'));
      const version = lock.packages['node_modules/electron']!.version!;
      const packages = { '': { name: 'policy-probe', version: '0.0.0', devDependencies: { electron: version } }, ...closure('electron') };
      fs.writeFileSync(
        path.join(temp, 'package.json'),
        JSON.stringify({ name: 'policy-probe', version: '0.0.0', private: true, devDependencies: { electron: version }, allowScripts: { electron: pkg.allowScripts.electron } }),
      );
      fs.writeFileSync(path.join(temp, 'package-lock.json'), JSON.stringify({ name: 'policy-probe', version: '0.0.0', lockfileVersion: 3, requires: true, packages }));
      const env = { ...process.env };
      delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
      // Offline: the tarballs come from npm's cache, filled by this checkout's own install.
      const r = spawnSync('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: temp, env, encoding: 'utf8', timeout: 110_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(fs.existsSync(path.join(temp, 'node_modules/electron/package.json'))).toBe(true);
      // The install script writes path.txt once it has the binary; it never ran.
      expect(fs.existsSync(path.join(temp, 'node_modules/electron/path.txt'))).toBe(false);
      expect(fs.existsSync(path.join(temp, 'node_modules/electron/dist'))).toBe(false);
    },
    120_000,
  );
});
