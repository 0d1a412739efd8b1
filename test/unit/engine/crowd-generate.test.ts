import { describe, expect, it } from 'vitest';
import type { CrowdParams } from '#shared/domain/crowd';
import { generateCrowd } from '#main/engine/crowd/generate';

const params: CrowdParams = {
  seed: 7,
  traders: 20_000,
  longShare: 0.6,
  leverage: [
    { leverage: 5, weight: 1 },
    { leverage: 20, weight: 2 },
    { leverage: 100, weight: 1 },
  ],
  notional: { median: 10_000, logSigma: 1 },
  crossShare: 0.3,
  stops: { share: 0.4, minDistance: 0.01, maxDistance: 0.05 },
  entryWindowHours: 2,
};

describe('crowd generator', () => {
  it('is a pure function of its parameters', () => {
    expect(generateCrowd(params, 1000)).toEqual(generateCrowd(params, 1000));
    expect(generateCrowd({ ...params, seed: 8 }, 1000)).not.toEqual(generateCrowd(params, 1000));
  });

  it('orders arrivals by time, ties by trader number, in both entry-window shapes', () => {
    // A 1 ms window packs 20,000 arrivals onto one or two instants: ties everywhere.
    for (const entryWindowHours of [2, 1 / 3_600_000, 0]) {
      const crowd = generateCrowd({ ...params, entryWindowHours }, 1000);
      const byComparator = [...crowd].sort((a, b) => a.n - b.n).sort((a, b) => a.t - b.t || a.n - b.n);
      expect(crowd.map((a) => a.n)).toEqual(byComparator.map((a) => a.n));
      expect(new Set(crowd.map((a) => a.n)).size).toBe(params.traders);
    }
  });

  it('follows the parameters in distribution', () => {
    const crowd = generateCrowd(params, 0);
    const share = (f: (a: (typeof crowd)[number]) => boolean): number => crowd.filter(f).length / crowd.length;
    expect(share((a) => a.side === 'long')).toBeCloseTo(0.6, 1);
    expect(share((a) => a.mode === 'cross')).toBeCloseTo(0.3, 1);
    expect(share((a) => a.stopDistance !== null)).toBeCloseTo(0.4, 1);
    expect(share((a) => a.leverage === 20)).toBeCloseTo(0.5, 1);
    const notionals = crowd.map((a) => a.notional).sort((a, b) => a - b);
    expect(notionals[notionals.length >> 1]! / 10_000).toBeGreaterThan(0.95);
    expect(notionals[notionals.length >> 1]! / 10_000).toBeLessThan(1.05);
    for (const a of crowd) {
      expect(a.t).toBeGreaterThanOrEqual(0);
      expect(a.t).toBeLessThan(2 * 3_600_000);
      if (a.stopDistance !== null) expect(a.stopDistance).toBeGreaterThanOrEqual(0.01);
    }
    for (let i = 1; i < crowd.length; i++) expect(crowd[i]!.t >= crowd[i - 1]!.t).toBe(true);
  });

  it('opens everyone at the start when the entry window is zero', () => {
    expect(generateCrowd({ ...params, traders: 50, entryWindowHours: 0 }, 5).every((a) => a.t === 5)).toBe(true);
  });
});
