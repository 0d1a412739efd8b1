import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPTH_CALIBRATION } from '#main/engine/book/calibration';

const FIXTURE = path.join(import.meta.dirname, '../../fixtures/engine/binance-um-bookdepth-BTCUSDT-2025-10-10.sample.csv');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

describe('book calibration', () => {
  it('re-derives the depth curve constants from the real bookDepth sample (every 10th clean snapshot)', () => {
    const rows = fs.readFileSync(FIXTURE, 'utf8').trim().split('\n').slice(1);
    const snaps = new Map<string, Map<number, number>>();
    for (const row of rows) {
      const [ts, pct, , notional] = row.split(',');
      const key = ts!.trim();
      if (key >= '2025-10-10 15:30') continue; // the inverted part of the file
      if (!snaps.has(key)) snaps.set(key, new Map());
      snaps.get(key)!.set(Number(pct), Number(notional));
    }
    expect(snaps.size).toBeGreaterThan(150);
    DEPTH_CALIBRATION.offsets.forEach((x, i) => {
      if (i === 0) return;
      const p = Math.round(x * 100);
      const derived = median([...snaps.values()].map((s) => (s.get(p)! + s.get(-p)!) / 2));
      // The constants come from all 1,859 clean snapshots; the sample holds every 10th.
      expect(Math.abs(derived / DEPTH_CALIBRATION.cumulativeNotional[i]! - 1)).toBeLessThan(0.01);
    });
  });
});
