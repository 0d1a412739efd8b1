import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { HeatmapLevelsView } from '#shared/domain/heatmap';
import { engineRows } from '#main/analytics/heatmap/engine-rows';
import { binningFor, exactLevels } from '#main/analytics/heatmap/levels';
import { createApp } from '#main/app/create-app';
import { runCli } from '#main/cli/run';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
type App = ReturnType<typeof createApp>;

async function call<T>(app: App, channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

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

/** The built-in funding squeeze (model funding at the cap, longs paying) for ten hours, with a crowd. */
const SCENARIO = {
  name: 'Funding squeeze with a crowd',
  symbol: 'BTCUSDT',
  start: '2024-05-01T00:00:00Z',
  durationMinutes: 600,
  seed: 11,
  stepMs: 60_000,
  market: { type: 'funding-squeeze', startPrice: '60000', volatility: 0.35, premiumBps: 40, rampMinutes: 120 },
  funding: { source: 'model', intervalHours: 8, interestBps: 1, clampBps: 5, capBps: 30 },
  crowd: {
    seed: 5,
    traders: 800,
    longShare: 0.6,
    leverage: [
      { leverage: 5, weight: 1 },
      { leverage: 25, weight: 2 },
      { leverage: 100, weight: 1 },
    ],
    notional: { median: 8000, logSigma: 1 },
    crossShare: 0.3,
    stops: { share: 0.3, minDistance: 0.01, maxDistance: 0.05 },
    entryWindowHours: 0,
  },
};

describe('heatmap after a funding settlement', () => {
  it('the view (heatmap.levels) equals levdesk heatmap at the same time, with the re-solved liquidation prices', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'squeeze.json');
    fs.writeFileSync(file, JSON.stringify(SCENARIO));
    const app = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    let view: HeatmapLevelsView;
    let staleLevels: unknown;
    try {
      await call(app, 'replay.load', { source: { kind: 'inline', json: JSON.stringify(SCENARIO) } });
      // Past the 08:00 settlement: the engine has not re-solved its liquidation prices since.
      await call(app, 'replay.seek', { t: Date.parse('2024-05-01T08:30:00Z') });
      view = await call<HeatmapLevelsView>(app, 'heatmap.levels', { source: 'auto', bins: 40 });
      const engine = app.services.trading.engine;
      const m = engine.readState.markets.get('BTCUSDT')!;
      const stale = engineRows(engine, 'BTCUSDT', false);
      staleLevels = exactLevels(stale, binningFor(stale, m.mark, 40, m.spec.tickSize), m.spec.stepSize, m.mark);
      app.services.trading.flush();
    } finally {
      app.close();
    }
    expect(view.source).toBe('engine');
    expect(Date.parse(view.at)).toBeGreaterThan(Date.parse('2024-05-01T08:00:00Z'));
    // What the recorder would show without the re-read differs: the test sees the settlement.
    expect(view.levels).not.toEqual(staleLevels);

    for (const args of [
      ['heatmap', file, '--at', view.at, '--bins', '40', '--workspace', dir],
      ['heatmap', file, '--at', view.at, '--bins', '40'],
    ]) {
      const r = await cli(args);
      expect(r.code, r.err).toBe(0);
      const doc = JSON.parse(r.out) as HeatmapLevelsView;
      expect(doc.at).toBe(view.at);
      expect(doc.markPrice).toBe(view.markPrice);
      expect(doc.levels).toEqual(view.levels);
    }
  }, 180_000);
});
