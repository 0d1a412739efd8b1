import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { createAppAsync, type App } from '../app/create-app';
import { StoreError } from '../store/errors';
import { startHost, type RunningHost } from './server';
import { WEB_HOST_FILE, loadIdentity, saveIdentity } from './web-host-file';

/**
 * `npm run web -- [--port N] [--data-dir DIR] [--open] [--new-token]`: the app without Electron.
 * Prints exactly one line, LEVDESK_URL=..., on stdout once it serves; everything else goes to stderr.
 * The token and the port are kept in the data folder (web-host.json), so the printed link stays
 * valid across restarts: without --port the host serves on its last port again when it is free.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
      'new-token': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? null : Number(values.port);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new Error(`--port must be an integer 0..65535, got "${values.port}"`);
  const dataDir = path.resolve(values['data-dir'] ?? path.join(os.homedir(), '.levdesk'));
  const rendererDir = path.resolve(values['renderer-dir'] ?? path.join(__dirname, 'renderer'));

  // The workspace's writer lock comes first: a refused second host must not touch web-host.json.
  const app = await createAppAsync({ shell: 'web', dataDir });
  const saved = loadIdentity(dataDir, values['new-token']);
  const host = await listen(app, port ?? saved.port, saved.token, rendererDir, port === null);
  saveIdentity(dataDir, { token: host.token, port: host.port });
  process.stdout.write(`LEVDESK_URL=${host.url}\n`);
  console.error(`Levdesk web host on 127.0.0.1:${host.port}, workspace ${app.services.workspace.path}`);
  console.error(`The link stays valid across restarts: its token is kept in ${path.join(dataDir, WEB_HOST_FILE)} (--new-token makes a new one and retires old links).`);
  if (values.open) openBrowser(host.url);

  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    // closeAsync keeps the event loop live while a big session's snapshot is written.
    void host
      .close()
      .then(() => app.closeAsync())
      .catch((err: unknown) => console.error('Levdesk could not close cleanly:', err))
      .finally(() => {
        app.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** On the asked port; a remembered port that another program took since falls back to a free one. */
async function listen(app: App, port: number | null, token: string, rendererDir: string, mayMove: boolean): Promise<RunningHost> {
  try {
    return await startHost({ app, port: port ?? 0, token, rendererDir });
  } catch (err) {
    if (!mayMove || port === null || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    console.error(`Port ${port} (last used) is taken; serving on a free port instead: links to the old port will not reach this host.`);
    return startHost({ app, port: 0, token, rendererDir });
  }
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
