import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '#main/app/create-app';
import { startHost, type RunningHost } from '#main/host/server';
import { useTempDirs } from '../helpers/temp-dir';
import { USDM } from './journal-kit';

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
  value?: { path?: string; rowsAdded?: number; preview?: boolean };
  error?: { code: string; message: string };
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

const upload = async (name: string, body: string | Buffer): Promise<string> => (await post(`/api/upload?name=${encodeURIComponent(name)}`, body, 'application/octet-stream')).value!.path!;
const journalImport = (paths: string[], preview = false): Promise<Answer> => post('/api/rpc/journal.import', JSON.stringify({ paths, preview }));

describe('journal.import over the web host: uploads are deleted once imported', () => {
  it('a preview keeps the upload for the import; the import deletes it', async () => {
    const file = await upload('trades.csv', fs.readFileSync(USDM[0]!));
    expect(fs.existsSync(file)).toBe(true);
    const preview = await journalImport([file], true);
    expect(preview.ok, preview.error?.message).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    const done = await journalImport([file]);
    expect(done.ok, done.error?.message).toBe(true);
    expect(done.value?.rowsAdded).toBeGreaterThan(0);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    // Gone from the store too: the same path cannot be imported again.
    expect((await journalImport([file])).error?.code).toBe('FORBIDDEN');
  });

  it('a refused import deletes its uploads too, and adds nothing', async () => {
    const good = await upload('trades.csv', fs.readFileSync(USDM[0]!));
    const lines = fs.readFileSync(USDM[3]!, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(/"[-0-9.]+"/, '"12,x"');
    const bad = await upload('transactions.csv', lines.join('\n'));
    const reply = await journalImport([good, bad]);
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('BAD_INPUT');
    expect(reply.error?.message).toMatch(/transactions\.csv:3:/);
    for (const f of [good, bad]) expect(fs.existsSync(f)).toBe(false);
    const summary = await post('/api/rpc/journal.summary', '{}');
    expect(summary.ok).toBe(true);
    expect((summary.value as unknown as { trades: { total: number } }).trades.total).toBe(0);
  });

  it('a path that was not uploaded to this host is refused without being read', async () => {
    const reply = await journalImport([USDM[0]!]);
    expect(reply.error?.code).toBe('FORBIDDEN');
    expect(fs.existsSync(USDM[0]!)).toBe(true);
  });
});
