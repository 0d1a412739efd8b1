import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '#shared/domain/market-import';
import { ImportCancelled, ImportProblemError, MarketService } from '#main/market/market-service';
import { openWorkspace, type Workspace } from '#main/store/db';
import { useTempDirs } from './helpers/temp-dir';
import { writeLongLineZip } from './host/long-line-zip';
import { fixture } from './market-kit';

const tempDir = useTempDirs();
let dir: string;
let ws: Workspace;
let market: MarketService;
let progress: ImportProgress[];

beforeEach(() => {
  dir = tempDir();
  ws = openWorkspace(path.join(dir, 'workspace.levdesk.db'));
  progress = [];
  market = new MarketService({ db: ws.db, dataDir: dir, onProgress: (p) => progress.push(p) });
});
afterEach(() => {
  market.close();
  ws.close();
});

const stagingFiles = (): string[] => (fs.existsSync(market.stagingDir) ? fs.readdirSync(market.stagingDir).filter((f) => f.endsWith('.staging.db')) : []);

async function problemOf(p: Promise<unknown>): Promise<ImportProblemError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportProblemError);
  return err as ImportProblemError;
}

describe('a line without end', () => {
  it('a 2 MB zip holding one 2 GiB line is refused at its first 64 KiB, naming line 1', { timeout: 120_000 }, async () => {
    const zip = path.join(dir, 'BTCUSDT-1m-2024-01-01.zip');
    const { uncompressed } = await writeLongLineZip(zip, 'BTCUSDT-1m-2024-01-01.csv', 2048);
    expect(uncompressed).toBe(2 * 1024 ** 3);
    expect(fs.statSync(zip).size).toBeLessThan(2.5 * 1024 ** 2);
    const err = await problemOf(market.import([zip]));
    expect(err.problem.line).toBe(1);
    expect(err.message).toContain('line 1 is longer than 65,536 characters');
    expect(err.message.length).toBeLessThan(400);
    const read = Math.max(...progress.map((p) => p.bytesRead));
    expect(read).toBeLessThan(4 * 1024 ** 2);
    expect(stagingFiles()).toEqual([]);
    expect(market.importing).toBe(false);
  });

  it('a 32 MiB single-line CSV is refused from its first chunks; the next import runs', async () => {
    const csv = path.join(dir, 'BTCUSDT-1m-2024-01.csv');
    fs.writeFileSync(csv, Buffer.alloc(32 * 1024 ** 2, 0x31));
    const err = await problemOf(market.import([csv]));
    expect(err.problem).toMatchObject({ line: 1, column: 1, expected: 'a line of at most 64 KiB' });
    expect(Math.max(...progress.map((p) => p.bytesRead))).toBeLessThan(1024 ** 2);
    const summary = await market.import([fixture('BTCUSDT-1h-2022-11.csv')]);
    expect(summary.rowsAdded).toBe(720);
  });

  it('a long line after good ones is refused with its own line number', async () => {
    const csv = path.join(dir, 'BTCUSDT-1h-2022-11.csv');
    const good = fs.readFileSync(fixture('BTCUSDT-1h-2022-11.csv'), 'utf8').split('\n').slice(0, 10);
    fs.writeFileSync(csv, `${good.join('\n')}\n${'9'.repeat(100_000)}\n`);
    const err = await problemOf(market.import([csv]));
    expect(err.problem.line).toBe(11);
    expect(err.problem.file).toBe(csv);
  });
});

describe('cancel', () => {
  it('stops a running import at its next chunk, removes its staging, and frees the importer', { timeout: 120_000 }, async () => {
    const csv = path.join(dir, 'BTCUSDT-1m-2019-01.csv');
    const rows: string[] = [];
    const t0 = 1_546_300_800_000;
    for (let i = 0; i < 600_000; i++) {
      const t = t0 + i * 60_000;
      rows.push(`${t},3700.1,3701.2,3699.3,3700.4,12.345,${t + 59_999},45678.9,321,6.1,22000.5,0`);
    }
    fs.writeFileSync(csv, `${rows.join('\n')}\n`);
    const total = fs.statSync(csv).size;
    let cancelledAt = -1;
    const running = market.import([csv]);
    const outcome = running.then(
      () => 'finished',
      (e: unknown) => e,
    );
    // Cancel as soon as rows are being staged (the progress event is the app's own signal).
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        const last = progress.at(-1);
        if (last && last.rows > 0 && stagingFiles().length === 1) {
          clearInterval(check);
          cancelledAt = last.bytesRead;
          expect(market.cancelImport()).toBe(true);
          resolve();
        }
      }, 5);
    });
    expect(await outcome).toBeInstanceOf(ImportCancelled);
    expect(cancelledAt).toBeLessThan(total);
    expect(Math.max(...progress.map((p) => p.bytesRead))).toBeLessThan(total);
    expect(progress.at(-1)?.phase).toBe('failed');
    expect(stagingFiles()).toEqual([]);
    expect(market.importing).toBe(false);
    expect((ws.db.prepare('SELECT count(*) AS n FROM market_candles').get() as { n: number }).n).toBe(0);
  });
});
