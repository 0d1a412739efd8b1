import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '#main/cli/run';
import { fixture } from './market-kit';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli(args, { stdout, stderr, stdin: new PassThrough() });
  return { code, out, err };
}

describe('levdesk import', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports files into the named workspace and prints a JSON summary', async () => {
    const r = await cli(['import', '--workspace', dir, fixture('BTCUSDT-1h-2022-11.csv'), fixture('BTCUSDT-fundingRate-2022-11.csv')]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { workspace: string; rowsAdded: number; files: { series: { rowsAdded: number }[] }[] };
    expect(summary.workspace).toBe(path.join(dir, 'workspace.levdesk.db'));
    expect(summary.rowsAdded).toBe(810);
    const again = JSON.parse((await cli(['import', '--workspace', dir, fixture('BTCUSDT-1h-2022-11.csv')])).out) as { rowsAdded: number };
    expect(again.rowsAdded).toBe(0);
  });

  it('a bad file exits 2 with file:line:column, and adds nothing (even from the good file beside it)', async () => {
    const bad = path.join(dir, 'BTCUSDT-1h-2022-12.csv');
    const lines = fs.readFileSync(fixture('BTCUSDT-1h-2022-11.csv'), 'utf8').split('\n');
    lines[4] = lines[4]!.replace(/^(\d+),([\d.]+),/, '$1,oops,');
    fs.writeFileSync(bad, lines.join('\n'));
    const r = await cli(['import', '--workspace', dir, fixture('BTCUSDT-fundingRate-2022-11.csv'), bad]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${bad}:5:2: open (column 2): expected a decimal number`);
    expect(r.err).toContain('found "oops"');
    expect(r.err).toContain('Nothing was imported');
    const check = JSON.parse((await cli(['import', '--workspace', dir, fixture('BTCUSDT-fundingRate-2022-11.csv')])).out) as { rowsAdded: number };
    expect(check.rowsAdded).toBe(90);
  });

  it('takes --venue, --symbol, --kind and refuses a bad option value', async () => {
    const r = await cli(['import', '--workspace', dir, '--venue', 'binance', '--symbol', 'BTCUSDT', '--kind', 'index', fixture('BTCUSDT-5m-2025-10-10.zip')]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { files: { series: { kind: string }[] }[] }).files[0]!.series[0]!.kind).toBe('index');
    const bad = await cli(['import', '--workspace', dir, '--kind', 'candles', fixture('BTCUSDT-5m-2025-10-10.zip')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/kind/);
  });
});

describe('levdesk replay', () => {
  it('replays a built-in synthetic scenario: the same hash twice', async () => {
    const a = await cli(['replay', 'venue-wick']);
    expect(a.code).toBe(0);
    const r = JSON.parse(a.out) as { scenario: { id: string }; sources: { indexModelled: boolean }; market: { ticks: number; sha256: string } };
    expect(r.scenario.id).toBe('venue-wick');
    expect(r.sources.indexModelled).toBe(true);
    expect(r.market.ticks).toBe(1440);
    expect((JSON.parse((await cli(['replay', 'venue-wick'])).out) as typeof r).market.sha256).toBe(r.market.sha256);
  });

  it('replays a real crash window from a workspace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-cli-'));
    try {
      await cli(['import', '--workspace', dir, fixture('BTCUSDT-1m-2020-03.EXCERPT-2020-03-13T0100Z-0259Z.csv'), fixture('BTCUSDT-fundingRate-2020-03.csv')]);
      const r = await cli(['replay', '--workspace', dir, 'black-thursday-2020-03-13']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.out) as { market: { last: { min: string; minAt: string } } };
      expect(out.market.last).toMatchObject({ min: '3621.81', minAt: '2020-03-13T02:16:30Z' });
      const missing = await cli(['replay', '--workspace', dir, 'ftx-2022-11']);
      expect(missing.code).toBe(2);
      expect(missing.err).toMatch(/no binance BTCUSDT 1h trade candles/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names every bad field of a scenario file (exit 2)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-cli-'));
    try {
      const file = path.join(dir, 's.json');
      fs.writeFileSync(file, JSON.stringify({ name: 'x', symbol: 'BTCUSDT', start: '2024-01-01', durationMinutes: 60, seed: 1, market: { type: 'gbm', startPrice: '1', volatilty: 1 } }));
      const r = await cli(['replay', file]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/start: expected a UTC time/);
      expect(r.err).toMatch(/market\.volatility/);
      expect(r.err).toMatch(/volatilty/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
