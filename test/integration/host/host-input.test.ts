import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '#main/app/create-app';
import { startHost, type RunningHost } from '#main/host/server';
import { dbFingerprint } from '../helpers/db-fingerprint';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let app: App;
let host: RunningHost;

beforeEach(async () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'renderer'));
  app = createApp({ shell: 'web', dataDir: path.join(dir, 'data'), defaultData: false });
  host = await startHost({ app, port: 0, rendererDir: path.join(dir, 'renderer') });
});
afterEach(async () => {
  await host.close();
  app.close();
});

function post(p: string, body: string | Buffer, contentType = 'application/json'): Promise<{ status: number; json: { ok: boolean; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: 'POST', path: p, headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': contentType } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        // Resolve once the whole body is sent too: the host answers a refused body before it ends.
        res.on('end', () => {
          const answer = { status: res.statusCode ?? 0, json: JSON.parse(text) as { ok: boolean; error?: { code: string; message: string } } };
          if (req.closed) resolve(answer);
          else req.once('close', () => resolve(answer));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('what the web host refuses before a handler runs', () => {
  it.each(['%E0%A4%A', '%', 'settings.%zz'])('a channel name with malformed percent-encoding (%s) is 400 UNKNOWN_CHANNEL, not 500', async (name) => {
    const reply = await post(`/api/rpc/${name}`, '{}');
    expect(reply.status).toBe(400);
    expect(reply.json.error?.code).toBe('UNKNOWN_CHANNEL');
  });

  it('refuses 10 MB of nested JSON on its size, without parsing it', async () => {
    const depth = 5 * 1024 * 1024;
    const reply = await post('/api/rpc/settings.update', Buffer.from('['.repeat(depth) + ']'.repeat(depth)));
    expect(reply.status).toBe(413);
    expect(reply.json.error?.message).toMatch(/over \d+ bytes/);
  });

  it('refuses JSON nested deeper than the limit, before parsing it', async () => {
    const before = dbFingerprint(app.services.workspace.db);
    const reply = await post('/api/rpc/settings.update', `{"theme":${'['.repeat(1000)}${']'.repeat(1000)}}`);
    expect(reply.status).toBe(400);
    expect(reply.json.error?.message).toMatch(/nests deeper than 64 levels/);
    expect(dbFingerprint(app.services.workspace.db)).toBe(before);
  });

  it('still parses brackets inside strings as text', async () => {
    const reply = await post('/api/rpc/settings.update', JSON.stringify({ theme: 'x'.padEnd(10, '[') + '\\"['.repeat(100) }));
    expect(reply.status).toBe(200);
    expect(reply.json.error?.code).toBe('BAD_INPUT');
    expect(reply.json.error?.message).toContain('theme');
  });

  it.each(['..', '.hidden.csv', '.'])('an upload named "%s" is 400 (a bad name), not 413 (too large)', async (name) => {
    const reply = await post(`/api/upload?name=${encodeURIComponent(name)}`, 'a,b\n', 'application/octet-stream');
    expect(reply.status).toBe(400);
    expect(reply.json.error?.message).toContain('not a usable file name');
    const dir = app.services.market.uploads.dir;
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
  });
});
