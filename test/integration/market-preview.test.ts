import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDecimalText } from '#main/market/import/decimal-text';
import { MarketService } from '#main/market/market-service';
import { fixture, tempWorkspace, type TempWorkspace } from './market-kit';

let w: TempWorkspace;
let market: MarketService;
beforeAll(async () => {
  w = tempWorkspace('market-preview');
  await w.import([fixture('BTCUSDT-1h-2022-11.csv')]);
  market = new MarketService({ db: w.ws.db, dataDir: path.dirname(w.ws.path) });
});
afterAll(() => w.cleanup());

describe('chart previews', () => {
  it('returns the candles themselves when they fit', () => {
    const id = market.series()[0]!.id;
    const p = market.bars(id, null, null, 1000)!;
    expect(p).toMatchObject({ interval: '1h', aggregated: false });
    expect(p.candles).toHaveLength(720);
    expect(p.candles[0]).toEqual({ t: Date.parse('2022-11-01T00:00:00Z'), open: '20482.10', high: '20492.10', low: '20429.60', close: '20445.40', volume: '9319.649' });
  });

  it('aggregates exactly into the finest interval that fits: first open, last close, the extreme texts', () => {
    const id = market.series()[0]!.id;
    const raw = market.bars(id, null, null, 1000)!.candles;
    const p = market.bars(id, null, null, 100)!;
    expect(p).toMatchObject({ interval: '8h', aggregated: true });
    expect(p.candles).toHaveLength(90);
    for (const bar of p.candles) {
      const inside = raw.filter((c) => c.t >= bar.t && c.t < bar.t + 8 * 3_600_000);
      expect(bar.open).toBe(inside[0]!.open);
      expect(bar.close).toBe(inside.at(-1)!.close);
      expect(bar.high).toBe(inside.reduce((m, c) => (compareDecimalText(c.high, m) > 0 ? c.high : m), inside[0]!.high));
      expect(bar.low).toBe(inside.reduce((m, c) => (compareDecimalText(c.low, m) < 0 ? c.low : m), inside[0]!.low));
      expect(bar.volume).toBeNull();
    }
    expect(p.candles.map((c) => c.low).reduce((m, x) => (compareDecimalText(x, m) < 0 ? x : m))).toBe('15443.20');
  });
});
