#!/usr/bin/env node
// The `levdesk` command line. Runs the bundle dist/cli.cjs (built by `npm install` through the
// `prepare` script), because loading the TypeScript sources through tsx at every call took
// seconds. In a checkout the bundle is rebuilt first when it is missing or older than one of
// the sources it was built from (dist/cli.inputs.json), so an edit is never run stale.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli.cjs');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Why the bundle must be (re)built, or null when it is current. */
function staleReason() {
  const built = mtime(bundle);
  if (built === null) return 'dist/cli.cjs is missing';
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'cli.inputs.json'), 'utf8'));
  } catch {
    return null; // a bundle shipped without its input list is taken as it is
  }
  for (const input of inputs) {
    const t = mtime(path.join(root, input));
    if (t === null || t > built) return `${input} changed since dist/cli.cjs was built`;
  }
  return null;
}

const reason = staleReason();
if (reason) {
  const build = path.join(root, 'scripts', 'build.ts');
  const tsx = mtime(path.join(root, 'node_modules', 'tsx', 'package.json'));
  if (tsx === null || mtime(build) === null) {
    process.stderr.write(`levdesk: ${reason} and cannot be built here (run "npm install" in ${root})\n`);
    process.exit(1);
  }
  process.stderr.write(`levdesk: ${reason}; building it…\n`);
  // Loaded only here: importing child_process took ~14 ms of every cold start.
  const { spawnSync } = await import('node:child_process');
  // The build's own output goes to stderr: stdout is the command's JSON.
  const r = spawnSync(process.execPath, ['--import', 'tsx', build, '--only', 'cli'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    process.stderr.write('levdesk: building dist/cli.cjs failed (see above)\n');
    process.exit(1);
  }
}

runWithCodeCache(bundle);

/**
 * Loads the bundle as Node would require it, but with V8's code cache kept next to it: about a
 * fifth of a cold start is compiling the bundle. The cache file is named after the bundle's size
 * and mtime, so a rebuilt bundle never meets the code of the old one; V8 also refuses a cache
 * made by another Node version. Where dist/ is read-only there is simply no cache.
 */
function runWithCodeCache(file) {
  const stat = fs.statSync(file);
  const dir = path.dirname(file);
  const cacheName = `cli.cjs.${stat.size}-${Math.trunc(stat.mtimeMs)}.v8cache`;
  const cacheFile = path.join(dir, cacheName);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // Written at exit, so the functions this run compiled lazily are in it too.
    process.once('exit', () => saveCodeCache(script, dir, cacheName));
  }
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, dir);
}

function saveCodeCache(script, dir, cacheName) {
  try {
    const tmp = path.join(dir, `${cacheName}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, path.join(dir, cacheName));
    for (const old of fs.readdirSync(dir)) {
      if (old !== cacheName && /^cli\.cjs\..*\.v8cache$/.test(old)) fs.rmSync(path.join(dir, old), { force: true });
    }
  } catch {
    // No cache this time: the next start compiles again.
  }
}
