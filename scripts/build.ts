/**
 * Builds every bundle from the options in electron.config.ts into dist/.
 * `tsx scripts/build.ts [--only main,preload,renderer,host,cli]`. Progress goes to stderr so
 * `npm run web` keeps stdout for its one LEVDESK_URL line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, type BuildOptions } from 'esbuild';
import { cliBuild, hostBuild, mainBuild, preloadBuild, rendererBuild } from '../electron.config';
import { buildCli } from './cli-bundle';
import { CHANNELS } from '../shared/ipc/contract';
import { EVENT_NAMES } from '../shared/ipc/events';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

const define = {
  __LEVDESK_VERSION__: JSON.stringify(pkg.version),
  __LEVDESK_CHANNELS__: JSON.stringify(CHANNELS),
  __LEVDESK_EVENTS__: JSON.stringify(EVENT_NAMES),
};

const targets: Record<string, BuildOptions> = {
  main: { ...mainBuild, define: { ...define, 'process.env.NODE_ENV': '"production"' } },
  host: { ...hostBuild, define: { ...define, 'process.env.NODE_ENV': '"production"' } },
  cli: { ...cliBuild, define },
  preload: { ...preloadBuild, define },
  renderer: { ...rendererBuild, define: { ...rendererBuild.define, ...define } },
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const names = values.only ? values.only.split(',') : Object.keys(targets);
  const started = Date.now();
  await Promise.all(
    names.map(async (name) => {
      const options = targets[name];
      if (!options) throw new Error(`unknown build target "${name}" (known: ${Object.keys(targets).join(', ')})`);
      if (name === 'cli' && !fs.existsSync(path.join(root, 'main/cli/index.ts'))) return;
      if (name === 'cli') return buildCli(options, root);
      await build({ ...options, absWorkingDir: root });
    }),
  );
  if (names.includes('renderer')) {
    for (const file of ['index.html', 'favicon.svg']) {
      fs.copyFileSync(path.join(root, 'renderer', file), path.join(root, 'dist/renderer', file));
    }
  }
  if (names.includes('main') || names.includes('host') || names.includes('cli')) {
    // The real market data a new workspace starts with (main/market/default-data.ts finds it next to the bundle).
    fs.cpSync(path.join(root, 'resources/default-data'), path.join(root, 'dist/default-data'), { recursive: true });
  }
  process.stderr.write(`built ${names.join(', ')} in ${Date.now() - started} ms\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`build failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
