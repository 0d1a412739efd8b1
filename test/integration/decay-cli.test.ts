import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '#main/app/create-app';
import { loadDefaultData, findDefaultDataDir } from '#main/market/default-data';
import type { LabOutput } from '#shared/domain/decay-lab';
import { useTempDirs } from './helpers/temp-dir';

/**
 * `levdesk decay-mc` and `levdesk decay` with a stored series, through the real binary (tsx), and
 * the Decay view's exact channel against `levdesk decay` on the same path.
 */
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/levdesk.mjs');
const tempDir = useTempDirs();

function levdesk(args: string[], stdin: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input: stdin, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], doc: unknown): Record<string, unknown> {
  const r = levdesk(args, JSON.stringify(doc));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const MC = { model: { type: 'gbm', drift: 0.2, volatility: 0.9 }, days: 60, paths: 5000, seed: 42, leverages: [3, -3], fees: { managementFeePerDay: 0.0003 } };

describe('levdesk decay-mc', () => {
  it('prints the contract fields; same seed, same output', () => {
    const a = json(['decay-mc'], MC);
    const b = json(['decay-mc'], MC);
    expect(a.pathsPerSecond).toBeGreaterThan(0);
    delete a.pathsPerSecond;
    delete b.pathsPerSecond;
    expect(a).toEqual(b);
    const per = a.perLeverage as { leverage: number; token: Record<string, number>; margin: Record<string, number> }[];
    expect(per.map((p) => p.leverage)).toEqual([3, -3]);
    for (const p of per) {
      for (const k of ['mean', 'median', 'p05', 'p95', 'probBelowSpot']) expect(typeof p.token[k]).toBe('number');
      for (const k of ['liquidatedShare', 'median']) expect(typeof p.margin[k]).toBe('number');
      expect(p.token.p05!).toBeLessThan(p.token.median!);
      expect(p.token.median!).toBeLessThan(p.token.p95!);
    }
    const spot = a.spot as Record<string, number>;
    expect(spot.mean).toBeCloseTo(Math.exp((0.2 * 60) / 365), 1);
    expect(a.numbers).toBe('float64-monte-carlo');
    // Another seed, other paths.
    const c = json(['decay-mc'], { ...MC, seed: 43 });
    expect((c.spot as Record<string, number>).median).not.toBe(spot.median);
  });

  it('refuses bad documents naming the field', () => {
    const r = levdesk(['decay-mc'], JSON.stringify({ ...MC, leverages: [0], rebalance: { maxAbsLeverage: 2, daily: true } }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('leverages.0');
    const jd = levdesk(['decay-mc'], JSON.stringify({ ...MC, model: { type: 'jump-diffusion', drift: 0, volatility: 0.5 } }));
    expect(jd.code).toBe(2);
    expect(jd.stderr).toContain('model.jumpIntensity');
  });
});

describe('levdesk decay with a stored series', () => {
  const SERIES = { venue: 'binance', symbol: 'BTCUSDT', interval: '1h', from: '2022-11-01T00:00:00Z', to: '2022-12-01T00:00:00Z' };
  const DOC = { leverage: 3, series: SERIES, rebalance: { maxAbsLeverage: 4, daily: true }, fees: { managementFeePerDay: '0.0003', fundingPerDay: 'stored' } };

  it('reads the candles (intraday highs and lows) and the stored funding, and matches the Decay view exactly', async () => {
    const cli = json(['decay'], DOC) as { token: { valueEnd: string; rebalances: number; path: string[] }; spot: { valueEnd: string }; margin: { valueEnd: string } };
    expect(cli.token.path).toHaveLength(31);
    // The FTX 4x trigger fires on the real intraday lows (Nov 9), beyond the 30 daily rebalances.
    expect(cli.token.rebalances).toBeGreaterThan(30);

    const dir = tempDir();
    const app = createApp({ shell: 'web', dataDir: dir, defaultData: false, validate: true });
    try {
      await loadDefaultData(app.services.workspace.db, app.services.market, findDefaultDataDir() ?? path.join(root, 'resources/default-data'));
      const r = await app.dispatch('decay.simulate', {
        source: { type: 'series', series: SERIES },
        tokens: [{ leverage: '3', rule: { kind: 'ftx' }, managementFeePerDay: '0.0003' }],
        funding: { mode: 'stored' },
      });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const out = r.value as LabOutput;
      const row = (id: string) => out.rows.find((x) => x.instrument === id)!;
      expect(row('token:3').valueEnd).toBe(cli.token.valueEnd);
      expect(row('token:3').rebalances).toBe(cli.token.rebalances);
      expect(row('token:3').path).toEqual(cli.token.path);
      expect(row('margin:3').valueEnd).toBe(cli.margin.valueEnd);
      expect(row('spot').valueEnd).toBe(cli.spot.valueEnd);
      expect(out.fundingSource).toBe('stored');
    } finally {
      app.close();
    }
  });

  it('daily closes only, at another rebalance hour, and a clear error for a series the workspace lacks', () => {
    const daily = json(['decay'], { ...DOC, series: { ...SERIES, path: 'daily', rebalanceHourUtc: 8 }, rebalance: 'daily' }) as { token: { rebalances: number; path: string[] } };
    // From 08:00 on Nov 1 only 29 whole days fit before Dec 1.
    expect(daily.token.path).toHaveLength(30);
    expect(daily.token.rebalances).toBe(29);
    const missing = levdesk(['decay'], JSON.stringify({ ...DOC, series: { ...SERIES, symbol: 'DOGEUSDT' } }));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no binance DOGEUSDT 1h trade candles');
    const both = levdesk(['decay'], JSON.stringify({ ...DOC, dailyPrices: [1, 2] }));
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('exactly one of dailyPrices, intradayPath and series');
  });
});
