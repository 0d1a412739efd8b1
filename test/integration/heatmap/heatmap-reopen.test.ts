import { describe, expect, it } from 'vitest';
import type { HeatmapGrid, HeatmapLevelsView } from '#shared/domain/heatmap';
import { createApp } from '#main/app/create-app';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
type App = ReturnType<typeof createApp>;

async function call<T>(app: App, channel: string, input: unknown): Promise<T> {
  const r = await app.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const SCENARIO = {
  name: 'Crash with a crowd',
  symbol: 'BTCUSDT',
  start: '2024-03-01T00:00:00Z',
  durationMinutes: 120,
  seed: 42,
  market: { type: 'flash-crash', startPrice: '60000', volatility: 0.4, crashAtMinute: 30, crashMinutes: 15, dropPct: 0.18, reboundShare: 0.5, reboundMinutes: 45, gap: { depthScale: 0.05, spreadBps: 40 } },
  account: { insuranceFund: '50000', bookDepthScale: 0.05 },
  crowd: {
    seed: 7,
    traders: 500,
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

const BEFORE = [Date.parse('2024-03-01T00:20:00Z'), Date.parse('2024-03-01T00:40:00Z')];
const RESUME = Date.parse('2024-03-01T01:00:00Z');

describe('heatmap history across a workspace reopen', () => {
  it('is rebuilt from the session log in a worker: levels before the resume equal the ones recorded live', async () => {
    const dir = tempDir();
    const first = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    const live: HeatmapLevelsView[] = [];
    try {
      await call(first, 'replay.load', { source: { kind: 'inline', json: JSON.stringify(SCENARIO) } });
      await call(first, 'replay.seek', { t: RESUME });
      for (const t of BEFORE) live.push(await call<HeatmapLevelsView>(first, 'heatmap.levels', { source: 'engine', bins: 30, t }));
    } finally {
      first.close();
    }
    expect(live[0]!.levels.some((l) => l.long.count > 0)).toBe(true);

    const again = createApp({ shell: 'web', dataDir: dir, validate: true, defaultData: false });
    try {
      expect(again.services.heatmap.recorder.history).toBe('rebuilding');
      await again.services.heatmap.historySettled();
      const grid = await call<HeatmapGrid>(again, 'heatmap.grid', { source: 'engine', cols: 120, rows: 60, layers: { long: true, short: true, stops: true } });
      expect(grid.history).toBe('complete');
      expect(grid.historyFrom).toBeNull();
      // The path before the resume is back too.
      expect(grid.path[0]!.t).toBeLessThan(BEFORE[0]!);
      for (const [i, t] of BEFORE.entries()) {
        const rebuilt = await call<HeatmapLevelsView>(again, 'heatmap.levels', { source: 'engine', bins: 30, t });
        expect(rebuilt.levels).toEqual(live[i]!.levels);
      }
    } finally {
      again.close();
    }
  }, 240_000);
});
