import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * bin/levdesk.mjs on a stand-in checkout (the real bin, a fake bundle and a fake build script),
 * so rebuilding and the code cache can be watched without touching the repository's dist/.
 */
const repo = path.resolve(import.meta.dirname, '../..');
let root: string;

function bundle(text: string): void {
  fs.writeFileSync(path.join(root, 'dist/cli.cjs'), `process.stdout.write(${JSON.stringify(text)} + ' ' + JSON.stringify(process.argv.slice(2)) + ' ' + require('node:path').basename(__dirname));\n`);
}

function levdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/levdesk.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function setMtime(file: string, secondsFromNow: number): void {
  const t = new Date(Date.now() + secondsFromNow * 1000);
  fs.utimesSync(path.join(root, file), t, t);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-bin-'));
  for (const dir of ['bin', 'dist', 'scripts', 'main']) fs.mkdirSync(path.join(root, dir));
  fs.copyFileSync(path.join(repo, 'bin/levdesk.mjs'), path.join(root, 'bin/levdesk.mjs'));
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
  fs.writeFileSync(path.join(root, 'main/source.ts'), 'export {};\n');
  // The stand-in build writes a bundle that says it was rebuilt.
  fs.writeFileSync(
    path.join(root, 'scripts/build.ts'),
    `import fs from 'node:fs';\nconsole.log('building', process.argv.slice(2).join(' '));\nfs.writeFileSync('dist/cli.cjs', "process.stdout.write('rebuilt')\\n");\n`,
  );
  fs.writeFileSync(path.join(root, 'dist/cli.inputs.json'), JSON.stringify(['main/source.ts']));
  bundle('bundle ran');
  setMtime('main/source.ts', -60);
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('bin/levdesk.mjs', () => {
  it('runs dist/cli.cjs with the arguments and __dirname a required module has', () => {
    const r = levdesk('liq', 'doc.json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('bundle ran ["liq","doc.json"] dist');
  });

  it('rebuilds a bundle older than one of its inputs, keeping the build off stdout', () => {
    setMtime('main/source.ts', 60);
    const r = levdesk('liq');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('main/source.ts changed since dist/cli.cjs was built');
    expect(r.stderr).toContain('building --only cli');
    expect(r.stdout).toBe('rebuilt');
  });

  it('builds a missing bundle on demand', () => {
    fs.rmSync(path.join(root, 'dist/cli.cjs'));
    const r = levdesk('--version');
    expect(r.stderr).toContain('dist/cli.cjs is missing');
    expect(r.stdout).toBe('rebuilt');
  });

  it('says to run npm install when the bundle is missing and cannot be built', () => {
    fs.rmSync(path.join(root, 'dist/cli.cjs'));
    fs.rmSync(path.join(root, 'node_modules'));
    const r = levdesk('liq');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dist\/cli\.cjs is missing and cannot be built here \(run "npm install"/);
  });

  it('keeps one V8 code cache per bundle, and a new bundle never runs the old code', () => {
    expect(levdesk('a').stdout).toBe('bundle ran ["a"] dist');
    const caches = () => fs.readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.v8cache'));
    expect(caches()).toHaveLength(1);
    expect(levdesk('b').stdout).toBe('bundle ran ["b"] dist');
    const first = caches()[0];
    // Same length, other text: only the cache's name (size and mtime) tells them apart.
    bundle('bundle new');
    setMtime('dist/cli.cjs', 5);
    expect(levdesk('c').stdout).toBe('bundle new ["c"] dist');
    expect(caches()).toHaveLength(1);
    expect(caches()[0]).not.toBe(first);
  });
});
