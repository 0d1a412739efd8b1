import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '#shared/domain/market-import';
import { createApp, type App } from '#main/app/create-app';
import { startHost, type RunningHost } from '#main/host/server';
import { safeUploadName } from '#main/market/uploads';
import { fixture } from './market-kit';

let dir: string;
let app: App;
let host: RunningHost;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-upload-'));
  fs.mkdirSync(path.join(dir, 'renderer'));
  app = createApp({ shell: 'web', dataDir: path.join(dir, 'data'), defaultData: false });
  host = await startHost({ app, port: 0, rendererDir: path.join(dir, 'renderer') });
});
afterEach(async () => {
  await host.close();
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function post(p: string, body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; json: { ok: boolean; value?: { path: string; name: string; bytes: number }; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method: 'POST', path: p, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/octet-stream' });
const uploadsDir = (): string => path.join(dir, 'data', 'uploads');

describe('web host uploads for imports', () => {
  it('stores the file under the data folder keeping its name; market.import then reads it and deletes the copy', async () => {
    const bytes = fs.readFileSync(fixture('BTCUSDT-1h-2022-11.csv'));
    const up = await post(`/api/upload?name=${encodeURIComponent('BTCUSDT-1h-2022-11.csv')}`, bytes, auth());
    expect(up.status).toBe(200);
    const stored = up.json.value!;
    expect(stored).toMatchObject({ name: 'BTCUSDT-1h-2022-11.csv', bytes: bytes.length });
    expect(path.dirname(path.dirname(stored.path))).toBe(uploadsDir());
    expect(fs.readFileSync(stored.path).equals(bytes)).toBe(true);

    const r = await app.dispatch('market.import', { paths: [stored.path], names: ['BTCUSDT-1h-2022-11.csv'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const summary = r.value as ImportSummary;
    expect(summary.rowsAdded).toBe(720);
    expect(summary.files[0]!.file).toBe('BTCUSDT-1h-2022-11.csv');
    expect(fs.existsSync(stored.path)).toBe(false);
    expect(fs.readdirSync(uploadsDir())).toEqual([]);
  });

  it('a bad uploaded file is refused with its place under its own name, and its copy is deleted too', async () => {
    const up = await post('/api/upload?name=BTCUSDT-1h-2022-12.csv', 'open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n1669852800000,x,1,1,1,1,1669856399999,1,1,1,1,0\n', auth());
    const r = await app.dispatch('market.import', { paths: [up.json.value!.path], names: ['BTCUSDT-1h-2022-12.csv'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_INPUT');
    expect(r.error.message).toMatch(/^BTCUSDT-1h-2022-12\.csv:2:2: open \(column 2\)/);
    expect(r.error.details?.problem).toMatchObject({ file: 'BTCUSDT-1h-2022-12.csv', line: 2, column: 2, found: 'x' });
    expect(fs.readdirSync(uploadsDir())).toEqual([]);
  });

  it('refuses without the token, from another origin, or as a form post', async () => {
    expect((await post('/api/upload?name=a.csv', 'x', { 'Content-Type': 'application/octet-stream' })).status).toBe(403);
    expect((await post('/api/upload?name=a.csv', 'x', { ...auth(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/api/upload?name=a.csv', 'x', { ...auth(), 'Content-Type': 'multipart/form-data; boundary=x' })).status).toBe(415);
    expect((await post('/api/upload', 'x', auth())).status).toBe(400);
    expect(fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()) : []).toEqual([]);
  });

  it('cannot write outside its folder, whatever the name says', async () => {
    for (const name of ['../../evil.csv', '/etc/passwd', '..\\..\\evil.csv', 'a/../../b.csv']) {
      const up = await post(`/api/upload?name=${encodeURIComponent(name)}`, 'x', auth());
      expect(up.status).toBe(200);
      const p = up.json.value!.path;
      expect(path.relative(uploadsDir(), p).split(path.sep)).toHaveLength(2);
      expect(p.includes('..')).toBe(false);
    }
    expect(fs.existsSync(path.join(dir, 'evil.csv'))).toBe(false);
    expect(safeUploadName('..')).toBeNull();
    expect(safeUploadName('.hidden')).toBeNull();
    expect(safeUploadName('')).toBeNull();
    expect(safeUploadName('BTC USDT (1).csv')).toBe('BTC USDT (1).csv');
  });
});
