import { describe, expect, it } from 'vitest';
import { ScenarioSchema, type ScenarioInput } from '#shared/domain/scenario';
import { createApp } from '#main/app/create-app';
import { compileScenario, compileScenarioSteps, type MarketData } from '#main/market/feed/compile';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();
const noData: MarketData = { findSeries: () => null, candles: () => [], fundingRange: () => [], fundingBefore: () => null };

/** A month of 5 s ticks (518,400): its path and venue noise took ~0.15 s in one piece. */
const LONG: ScenarioInput = {
  name: 'a long month',
  symbol: 'BTCUSDT',
  start: '2024-01-01T00:00:00Z',
  durationMinutes: 43_200,
  seed: 9,
  market: { type: 'flash-crash', startPrice: '60000', volatility: 0.5, crashAtMinute: 20_000, crashMinutes: 30, dropPct: 0.2, gap: { depthScale: 0.1, spreadBps: 20 } },
};

describe('a long scenario compiled in slices', () => {
  it('pauses along its path and noise, and compiles to what compileScenario gives at once', () => {
    const s = ScenarioSchema.parse(LONG);
    const steps = compileScenarioSteps(s, noData, 20_000);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses += 1;
    const sliced = r.value;
    const whole = compileScenario(s, noData);
    // The path twice (draws, then the crash) and every venue's noise: 25+ pauses each.
    expect(pauses).toBeGreaterThanOrEqual(25 * (2 + s.index.venues.length));
    expect(sliced.n).toBe(whole.n);
    // Byte for byte (toEqual walks 2.6 million floats for seconds).
    const bytes = (a: Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(sliced.venues.length).toBe(whole.venues.length);
    sliced.venues.forEach((v, i) => expect(bytes(v.noise).equals(bytes(whole.venues[i]!.noise))).toBe(true));
    for (let k = 0; k <= sliced.n; k += 9_973) {
      const t = sliced.start + k * sliced.stepMs;
      expect(sliced.anchor(t)).toBe(whole.anchor(t));
      expect(sliced.last(t)).toEqual(whole.last(t));
    }
  });

  it('replay.load lets the event loop turn while it compiles, and loads the same replay', async () => {
    const app = createApp({ shell: 'web', dataDir: tempDir(), validate: true, defaultData: false });
    try {
      let turns = 0;
      let live = true;
      const beat = (): void => {
        turns += 1;
        if (live) setImmediate(beat);
      };
      setImmediate(beat);
      const r = await app.dispatch('replay.load', { source: { kind: 'inline', json: JSON.stringify(LONG) } });
      live = false;
      if (!r.ok) throw new Error(r.error.message);
      expect(turns).toBeGreaterThan(8);
      const status = r.value as { scenario: { tickCount: number; start: number } | null; t: number | null };
      expect(status.scenario?.tickCount).toBe(518_400);
      expect(status.t).toBe(status.scenario?.start);
      // A scenario the workspace cannot run is still refused with its reason.
      const bad = await app.dispatch('replay.load', { source: { kind: 'inline', json: JSON.stringify({ ...LONG, durationMinutes: 200_000 }) } });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.message).toMatch(/more than 2000000/);
    } finally {
      app.close();
    }
  });
});
