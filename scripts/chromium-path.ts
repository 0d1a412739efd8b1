import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * The Chromium that the end-to-end tests, the benches and the icon script drive, so that `npm
 * test` needs no apt and no browser download: CHROMIUM_PATH when set, else Debian's
 * /usr/bin/chromium; when that file does not exist, the headless Chromium the npm package
 * @sparticuz/chromium carries (a devDependency), unpacked once into node_modules/.cache.
 * Never `npx playwright install`.
 */
export interface ChromiumChoice {
  readonly executablePath: string;
  /** Extra environment the browser needs (the bundled one brings its own NSS libraries). */
  readonly env: Readonly<Record<string, string>>;
  readonly source: 'system' | '@sparticuz/chromium';
  /** Why the bundled browser is used, for one line on stderr. */
  readonly note?: string;
}

const ROOT = path.resolve(import.meta.dirname, '..');
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function resolveChromium(requested: string | undefined = process.env.CHROMIUM_PATH, root: string = ROOT): ChromiumChoice {
  const wanted = requested || SYSTEM_CHROMIUM;
  if (fs.existsSync(wanted)) return { executablePath: wanted, env: {}, source: 'system' };
  const bundled = unpackBundledChromium(root);
  return { ...bundled, note: `no Chromium at ${wanted}${requested ? ' (CHROMIUM_PATH)' : ''}: using @sparticuz/chromium's headless Chromium (${bundled.executablePath})` };
}

function bundledPackage(root: string): { dir: string; version: string } {
  const dir = path.join(root, 'node_modules', '@sparticuz', 'chromium');
  let version: string;
  try {
    version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    throw new Error(`no Chromium at ${SYSTEM_CHROMIUM} and @sparticuz/chromium is not installed: run "npm install" (or set CHROMIUM_PATH)`);
  }
  return { dir, version };
}

/**
 * Unpacks chromium.br, its NSS libraries (al2023.tar.br) and its fonts once per version. Built
 * in a temporary folder then renamed, so concurrent test processes never run half a binary.
 */
export function unpackBundledChromium(root: string = ROOT): Omit<ChromiumChoice, 'note'> {
  const pkg = bundledPackage(root);
  const target = path.join(root, 'node_modules', '.cache', 'levdesk-chromium', pkg.version);
  const executablePath = path.join(target, 'chromium');
  if (!fs.existsSync(executablePath)) {
    const tmp = `${target}.${process.pid}.tmp`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    const bin = (name: string) => zlib.brotliDecompressSync(fs.readFileSync(path.join(pkg.dir, 'bin', name)));
    fs.writeFileSync(path.join(tmp, 'chromium'), bin('chromium.br'), { mode: 0o755 });
    for (const archive of ['al2023.tar.br', 'fonts.tar.br']) {
      const dest = path.join(tmp, archive.replace('.tar.br', ''));
      fs.mkdirSync(dest);
      const r = spawnSync('tar', ['-x', '-C', dest], { input: bin(archive) });
      if (r.status !== 0) throw new Error(`unpacking ${archive} of @sparticuz/chromium failed: ${r.stderr.toString() || r.error?.message}`);
    }
    fs.writeFileSync(
      path.join(tmp, 'fonts.conf'),
      `<?xml version="1.0"?>\n<fontconfig>\n  <dir>${path.join(target, 'fonts')}</dir>\n  <cachedir>${path.join(target, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    try {
      fs.renameSync(tmp, target);
    } catch (err) {
      // Another process unpacked it first: use theirs.
      fs.rmSync(tmp, { recursive: true, force: true });
      if (!fs.existsSync(executablePath)) throw err;
    }
  }
  const libs = path.join(target, 'al2023', 'lib');
  const env: Record<string, string> = { LD_LIBRARY_PATH: [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') };
  // Only a machine with no fontconfig setup of its own gets the bundled font (Open Sans).
  if (!fs.existsSync('/etc/fonts/fonts.conf')) env.FONTCONFIG_FILE = path.join(target, 'fonts.conf');
  return { executablePath, env, source: '@sparticuz/chromium' };
}
