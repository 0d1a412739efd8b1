import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '#main/app/create-app';
import { runCli } from '#main/cli/run';
import { startHost, type RunningHost } from '#main/host/server';
import { dbFingerprint } from '../helpers/db-fingerprint';
import { useTempDirs } from '../helpers/temp-dir';
import { fixture } from '../market-kit';

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

interface Answer {
  ok: boolean;
  value?: { path: string };
  error?: { code: string; message: string; details?: { problem?: { found: string; message: string } } };
}

function post(p: string, body: string | Buffer, contentType = 'application/json'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: 'POST', path: p, headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': contentType } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(JSON.parse(text) as Answer));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const importPaths = (paths: string[]): Promise<Answer> => post('/api/rpc/market.import', JSON.stringify({ paths }));
const upload = async (name: string, body: string | Buffer): Promise<string> => (await post(`/api/upload?name=${encodeURIComponent(name)}`, body, 'application/octet-stream')).value!.path;

describe('market.import over the web host reads only what was uploaded to it', () => {
  it.each(['/etc/passwd', '/proc/self/environ'])('refuses %s without reading or quoting it', async (file) => {
    const before = dbFingerprint(app.services.workspace.db);
    const reply = await importPaths([file]);
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('FORBIDDEN');
    expect(reply.error?.message).toContain('POST /api/upload');
    expect(reply.error?.message).not.toContain('root:');
    expect(reply.error?.message).not.toContain(process.env.PATH ?? 'PATH=');
    expect(dbFingerprint(app.services.workspace.db)).toBe(before);
  });

  it('refuses a file placed in the uploads folder by anything but the upload endpoint, and a fixture path', async () => {
    const planted = path.join(app.services.market.uploads.dir, 'abc', 'BTCUSDT-1h-2022-11.csv');
    fs.mkdirSync(path.dirname(planted), { recursive: true });
    fs.copyFileSync(fixture('BTCUSDT-1h-2022-11.csv'), planted);
    expect((await importPaths([planted])).error?.code).toBe('FORBIDDEN');
    expect((await importPaths([fixture('BTCUSDT-1h-2022-11.csv')])).error?.code).toBe('FORBIDDEN');
  });

  it('imports an uploaded file, and refuses the same path once it has been used', async () => {
    const stored = await upload('BTCUSDT-1h-2022-11.csv', fs.readFileSync(fixture('BTCUSDT-1h-2022-11.csv')));
    const first = await importPaths([stored]);
    expect(first.ok).toBe(true);
    expect((await importPaths([stored])).error?.code).toBe('FORBIDDEN');
  });

  it('the desktop shell keeps its own paths (the native file picker)', async () => {
    const desktop = createApp({ shell: 'electron', dataDir: tempDir(), defaultData: false });
    try {
      const r = await desktop.dispatch('market.import', { paths: [fixture('BTCUSDT-1h-2022-11.csv')] });
      expect(r.ok).toBe(true);
    } finally {
      desktop.close();
    }
  });

  it('quotes at most ~200 characters of a bad line', async () => {
    const wide = Array.from({ length: 6 }, (_, i) => `field${i}`.padEnd(8_000, 'x')).join(',');
    const stored = await upload('BTCUSDT-1h-2022-11.csv', `${wide}\n1,2,3\n`);
    const reply = await importPaths([stored]);
    expect(reply.error?.code).toBe('BAD_INPUT');
    expect(reply.error!.message.length).toBeLessThan(1000);
    expect(reply.error!.message).toContain('the header has no time column');
    expect(reply.error!.details!.problem!.found.length).toBeLessThanOrEqual(240);
  });
});

describe('levdesk import messages', () => {
  it('names a file once when it has no symbol', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'prices.csv');
    fs.writeFileSync(file, 'time,open,high,low,close\n1700000000000,1,2,0.5,1.5\n1700000060000,1,2,0.5,1.5\n');
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await runCli(['import', '--workspace', path.join(dir, 'ws'), file], { stdout: new PassThrough(), stderr, stdin: new PassThrough() });
    expect(code).toBe(2);
    expect(err).toContain('does not name its symbol');
    expect(err.split(file).length - 1).toBe(1);
  });
});
