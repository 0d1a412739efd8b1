import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/** Written next to the bundle: the repository files it was built from (bin/levdesk.mjs rebuilds when one is newer). */
export const CLI_INPUTS_FILE = 'cli.inputs.json';

function writeWhole(file: string, contents: Uint8Array | string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/**
 * Builds dist/cli.cjs. Each file is written whole (temp file, then rename) because a `levdesk`
 * started meanwhile, or a second one building on demand, must never read half a bundle.
 */
export async function buildCli(options: BuildOptions, root: string): Promise<void> {
  const result = await build({ ...options, absWorkingDir: root, write: false, metafile: true });
  for (const file of result.outputFiles) writeWhole(file.path, file.contents);
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.startsWith('node_modules/') && !f.includes(':'))
    .sort();
  writeWhole(path.join(root, options.outdir ?? 'dist', CLI_INPUTS_FILE), `${JSON.stringify(inputs)}\n`);
}
