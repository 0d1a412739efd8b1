import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { createApp } from '../app/create-app';
import { StoreError } from '../store/errors';
import { startHost } from './server';

/**
 * `npm run web -- [--port N] [--data-dir DIR] [--open]`: the app without Electron.
 * Prints exactly one line, LEVDESK_URL=..., on stdout once it serves; everything else goes to stderr.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer 0..65535, got "${values.port}"`);
  const dataDir = path.resolve(values['data-dir'] ?? path.join(os.homedir(), '.levdesk'));
  const rendererDir = path.resolve(values['renderer-dir'] ?? path.join(__dirname, 'renderer'));

  const app = createApp({ shell: 'web', dataDir });
  const host = await startHost({ app, port, rendererDir });
  process.stdout.write(`LEVDESK_URL=${host.url}\n`);
  console.error(`Levdesk web host on 127.0.0.1:${host.port}, workspace ${app.services.workspace.path}`);
  if (values.open) openBrowser(host.url);

  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    void host.close().finally(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.error(`Could not open a browser; open ${url} yourself.`));
  child.unref();
}

main().catch((err: unknown) => {
  // The in-use refusal is one exact line (scripts match it); other store problems get context.
  if (err instanceof StoreError && err.kind === 'IN_USE') console.error(err.message);
  else if (err instanceof StoreError) console.error(`Levdesk cannot open its workspace: ${err.message}`);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
