import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { startHostChild, stopChild, type HostChild } from './host-process';

const tempDir = useTempDirs();
const running: HostChild[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.stop();
});

function post(host: HostChild, p: string, body: string | Buffer, contentType: string): Promise<{ ok: boolean; value?: { path: string } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: 'POST', path: p, headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': contentType } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(JSON.parse(text) as { ok: boolean; value?: { path: string } }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function klines(rows: number): Buffer {
  const lines: string[] = [];
  const t0 = 1_546_300_800_000;
  for (let i = 0; i < rows; i++) {
    const t = t0 + i * 60_000;
    lines.push(`${t},3700.1,3701.2,3699.3,3700.4,12.345,${t + 59_999},45678.9,321,6.1,22000.5,0`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

const list = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

describe('an import killed mid-way', () => {
  it('leaves staging and its upload behind, and the next start removes both', { timeout: 120_000 }, async () => {
    const dataDir = path.join(tempDir(), 'data');
    const first = await startHostChild(dataDir);
    const uploaded = await post(first, '/api/upload?name=BTCUSDT-1m-2019-01.csv', klines(100_000), 'application/octet-stream');
    expect(uploaded.ok).toBe(true);
    // Not awaited: the host is killed while this import runs.
    void post(first, '/api/rpc/market.import', JSON.stringify({ paths: [uploaded.value!.path] }), 'application/json').catch(() => undefined);
    await waitFor(() => list(path.join(dataDir, 'tmp')).some((f) => f.endsWith('.staging.db')), 'the staging file');
    await stopChild(first.child, 'SIGKILL');
    expect(list(path.join(dataDir, 'tmp')).filter((f) => f.endsWith('.staging.db'))).toHaveLength(1);
    expect(list(path.join(dataDir, 'uploads'))).toHaveLength(1);

    running.push(await startHostChild(dataDir));
    expect(list(path.join(dataDir, 'tmp')).filter((f) => f.endsWith('.staging.db'))).toEqual([]);
    expect(list(path.join(dataDir, 'uploads'))).toEqual([]);
  });
});
