import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { IpcError } from '#shared/ipc/errors';
import { fail, type Result } from '#shared/ipc/result';
import type { App } from '../app/create-app';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { contentTypeOf, resolveStatic } from '../static-files';
import { eventSockets, refuseUpgrade } from './events-socket';
import { isRefusal, readJsonBody } from './json-body';
import { UPLOAD_PATH, handleUpload } from './upload';
import { bearerToken, hostIsAllowed, originIsAllowed, tokensEqual } from './security';

export interface HostOptions {
  readonly app: App;
  /** 0 picks a free port. */
  readonly port: number;
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** Fixed token for tests; otherwise a fresh random one per run. */
  readonly token?: string;
}

export interface RunningHost {
  readonly port: number;
  readonly token: string;
  /** The URL a browser opens: the token travels in the fragment, which is never sent to a server. */
  readonly url: string;
  close(): Promise<void>;
}

const RPC_PREFIX = '/api/rpc/';
/** The page shows this: it says where a working link comes from. */
const WRONG_TOKEN =
  'missing or wrong token: open the link the web host printed when it started (the LEVDESK_URL=… line of "npm run web"); the host keeps that link\'s token in web-host.json in its data folder';
const EVENTS_PATH = '/api/events';

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Serves the renderer and the contract's channels on 127.0.0.1 only. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const sockets = eventSockets(options.app.events, token);
  let port = 0;

  const server = http.createServer((req, res) => {
    void handleRequest(req, res).catch((err) => {
      console.error('web host request failed:', err);
      if (!res.headersSent) sendJson(res, 500, fail({ code: 'INTERNAL', message: 'request failed' }));
      else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = refuse(req, port);
    if (refusal) return sendJson(res, 403, fail(refusal));
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (!tokensEqual(bearerToken(req), token)) {
        return sendJson(res, 403, fail({ code: 'FORBIDDEN', message: WRONG_TOKEN }));
      }
      if (url.split('?')[0] === UPLOAD_PATH) return handleUpload(req, res, options.app.services.market.uploads, sendJson);
      if (req.method === 'POST' && url.startsWith(RPC_PREFIX)) {
        const channel = channelOf(url);
        if (channel === null) {
          req.resume();
          return sendJson(res, 400, fail({ code: 'UNKNOWN_CHANNEL', message: 'the channel name is not valid %-encoding' }));
        }
        const body = await readJsonBody(req);
        if (isRefusal(body)) return sendJson(res, body.status, body.result);
        if (!body.ok) return sendJson(res, 400, body);
        return sendJson(res, 200, await options.app.dispatch(channel, body.value));
      }
      return sendJson(res, 404, fail({ code: 'NOT_FOUND', message: `no API route ${req.method} ${url}` }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, fail({ code: 'FORBIDDEN', message: `${req.method} is not served` }));
    }
    serveStatic(options.rendererDir, url, req, res);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (refuse(req, port) || path !== EVENTS_PATH) return refuseUpgrade(socket);
    sockets.upgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function refuse(req: IncomingMessage, port: number): IpcError | null {
  if (!hostIsAllowed(req, port)) return { code: 'FORBIDDEN', message: `Host "${req.headers.host ?? ''}" is not this server` };
  if (!originIsAllowed(req, port)) return { code: 'FORBIDDEN', message: `Origin "${req.headers.origin ?? ''}" may not call this server` };
  return null;
}

/** The channel from /api/rpc/NAME; null when NAME is not valid %-encoding ("%E0%A4%A"). */
function channelOf(url: string): string | null {
  try {
    return decodeURIComponent(url.slice(RPC_PREFIX.length).split('?')[0] ?? '');
  } catch {
    return null;
  }
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function serveStatic(root: string, url: string, req: IncomingMessage, res: ServerResponse): void {
  const file = resolveStatic(root, url);
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(fs.existsSync(root) ? 'not found' : `the renderer is not built (${root} is missing): run "npm run build"`);
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeOf(file),
    'Content-Length': fs.statSync(file).size,
    'Cache-Control': file.endsWith('.html') ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(file).pipe(res);
}
