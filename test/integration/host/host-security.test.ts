import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp, type App } from '#main/app/create-app';
import { startHost, type RunningHost } from '#main/host/server';
import { dbFingerprint } from '../helpers/db-fingerprint';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let app: App;
let host: RunningHost;
let rendererDir: string;

beforeEach(async () => {
  const dir = tempDir();
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  app = createApp({ shell: 'web', dataDir: path.join(dir, 'data') });
  host = await startHost({ app, port: 0, rendererDir });
});
afterEach(async () => {
  await host.close();
  app.close();
});

interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, setHost: !opts.headers?.Host },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const rpc = (headers: Record<string, string>, channel = 'settings.update', body = '{"theme":"light"}') =>
  request({ method: 'POST', path: `/api/rpc/${channel}`, headers: { 'Content-Type': 'application/json', ...headers }, body });

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${host.token}` });

describe('web host guards', () => {
  it('binds to 127.0.0.1 only and prints a URL carrying the token in its fragment', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{43}$`));
  });

  it('answers a correct call', async () => {
    const reply = await rpc(auth());
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { theme: 'light' } });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { Authorization: 'Bearer not-the-token' }],
    ['a token in the wrong scheme', { Authorization: 'Basic abc' }],
  ])('refuses a call with %s and writes nothing', async (_label, headers) => {
    const before = dbFingerprint(app.services.workspace.db);
    const reply = await rpc(headers);
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dbFingerprint(app.services.workspace.db)).toBe(before);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    const before = dbFingerprint(app.services.workspace.db);
    const reply = await rpc({ ...auth(), Origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.body).toContain('Origin');
    expect(dbFingerprint(app.services.workspace.db)).toBe(before);
  });

  it('refuses a foreign Host (DNS rebinding) even with the right token', async () => {
    const reply = await rpc({ ...auth(), Host: `evil.example:${host.port}` });
    expect(reply.status).toBe(403);
    expect(reply.body).toContain('Host');
    const page = await request({ path: '/', headers: { Host: 'rebound.attacker.test' } });
    expect(page.status).toBe(403);
  });

  it('accepts its own origin', async () => {
    const reply = await rpc({ ...auth(), Origin: `http://127.0.0.1:${host.port}` });
    expect(reply.status).toBe(200);
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const reply = await rpc(auth(), 'orders.hack');
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses a body that is not JSON', async () => {
    const reply = await rpc(auth(), 'settings.update', '{theme:');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const reply = await request({ path: p });
      expect(reply.body).not.toContain('outside the renderer');
    }
  });
});

describe('event stream', () => {
  const connect = (protocols: string[], headers: Record<string, string> = {}) =>
    new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, protocols, { headers });

  it('refuses a socket without the token', async () => {
    const ws = connect(['levdesk']);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });

  it('refuses a socket from a foreign origin', async () => {
    const ws = connect(['levdesk', `token.${host.token}`], { Origin: 'https://evil.example' });
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });

  it('pushes events to an authorised socket', async () => {
    const ws = connect(['levdesk', `token.${host.token}`]);
    await new Promise((resolve) => ws.on('open', resolve));
    const frame = new Promise<unknown>((resolve) => ws.on('message', (d) => resolve(JSON.parse(String(d)))));
    await rpc(auth());
    await expect(frame).resolves.toMatchObject({ type: 'settings.changed', payload: { theme: 'light' } });
    ws.close();
  });
});
