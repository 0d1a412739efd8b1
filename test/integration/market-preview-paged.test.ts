import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candle } from '#shared/domain/market-series';
import { compareDecimalText } from '#main/market/import/decimal-text';
import { MarketService } from '#main/market/market-service';
import { tempWorkspace, type TempWorkspace } from './market-kit';

// 30 days of 1-minute candles: 43,200 rows, so an aggregated read spans three pages of 20,000.
const START = Date.parse('2024-01-01T00:00:00Z');
const MINUTES = 30 * 1440;

function klines(): string {
  const rows: string[] = [];
  let cents = 4_200_000;
  for (let i = 0; i < MINUTES; i++) {
    // A deterministic walk whose extremes land inside buckets, not only on their edges.
    const open = cents;
    cents += ((i * 7919) % 401) - 200;
    const high = Math.max(open, cents) + ((i * 31) % 97);
    const low = Math.min(open, cents) - ((i * 17) % 89);
    const t = START + i * 60_000;
    const money = (c: number): string => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
    rows.push([t, money(open), money(high), money(low), money(cents), '1.5', t + 59_999, '63000', 10, '0.7', '29000', 0].join(','));
  }
  return rows.join('\n') + '\n';
}

let w: TempWorkspace;
let market: MarketService;
beforeAll(async () => {
  w = tempWorkspace('market-preview-paged');
  await w.import([w.write('BTCUSDT-1m-2024-01.csv', klines())]);
  market = new MarketService({ db: w.ws.db, dataDir: path.dirname(w.ws.path) });
}, 60_000);
afterAll(() => w.cleanup());

/** The aggregate of raw candles into buckets of `ms`, computed here from the rows themselves. */
function aggregate(raw: readonly Candle[], ms: number): Candle[] {
  const out = new Map<number, Candle>();
  for (const c of raw) {
    const b = Math.floor(c.t / ms) * ms;
    const bar = out.get(b);
    if (!bar) out.set(b, { t: b, open: c.open, high: c.high, low: c.low, close: c.close, volume: null });
    else {
      bar.close = c.close;
      if (compareDecimalText(c.high, bar.high) > 0) bar.high = c.high;
      if (compareDecimalText(c.low, bar.low) < 0) bar.low = c.low;
    }
  }
  return [...out.values()];
}

describe('chart previews read in pages', () => {
  it('gives the same bars as one aggregation over the whole range, whole and from an odd start', async () => {
    const id = market.series()[0]!.id;
    const raw = market.bars(id, null, null, 100_000)!;
    expect(raw.aggregated).toBe(false);
    expect(raw.candles).toHaveLength(MINUTES);

    const paged = await market.barsPaged(id, null, null, 100);
    expect(paged).toMatchObject({ interval: '8h', aggregated: true });
    expect(paged!.candles).toEqual(aggregate(raw.candles, 8 * 3_600_000));
    expect(market.bars(id, null, null, 100)).toEqual(paged);

    // A start inside a bucket: the first page ends on the bucket's edge, the rest run edge to edge.
    const from = START + 3 * 86_400_000 + 7 * 60_000;
    const to = START + 26 * 86_400_000 + 13 * 60_000;
    const cut = await market.barsPaged(id, from, to, 200);
    const inside = raw.candles.filter((c) => c.t >= from && c.t < to);
    expect(cut!.aggregated).toBe(true);
    expect(cut!.candles).toEqual(aggregate(inside, 4 * 3_600_000));
  });

  it('reads every page from one snapshot: a write between two pages does not change later pages', async () => {
    const other = tempWorkspace('market-preview-snapshot');
    try {
      await other.import([other.write('BTCUSDT-1m-2024-01.csv', klines())]);
      const dataDir = path.dirname(other.ws.path);
      const pinned = new MarketService({ db: other.ws.db, dataDir, openReader: () => other.ws.openReader() });
      const unpinned = new MarketService({ db: other.ws.db, dataDir });
      const id = pinned.series()[0]!.id;
      const before = pinned.bars(id, null, null, 100)!;
      // The last ten days fall in the third page; the write lands after the first page is read.
      const cut = START + 20 * 86_400_000;
      const between = async (svc: MarketService) => {
        const reading = svc.barsPaged(id, null, null, 100);
        await new Promise<void>((resolve) => setImmediate(resolve));
        other.ws.db.prepare("UPDATE market_candles SET high = '99999999.99' WHERE series_id = ? AND open_time >= ?").run(id, cut);
        const bars = await reading;
        other.ws.db.prepare('UPDATE market_candles SET high = open WHERE series_id = ? AND open_time >= ? AND high = ?').run(id, cut, '99999999.99');
        return bars;
      };
      expect(await between(pinned)).toEqual(before);
      // Without the snapshot the later pages see the write: the test can tell the two apart.
      const mixed = await between(unpinned);
      expect(mixed!.candles.some((c) => c.high === '99999999.99')).toBe(true);
    } finally {
      other.cleanup();
    }
  });

  it('closes its reader after the read, also when the series does not exist', async () => {
    let opened = 0;
    let closed = 0;
    const svc = new MarketService({
      db: w.ws.db,
      dataDir: path.dirname(w.ws.path),
      openReader: () => {
        opened += 1;
        const r = w.ws.openReader();
        return { db: r.db, close: () => ((closed += 1), r.close()) };
      },
    });
    expect(await svc.barsPaged(987_654, null, null, 100)).toBeNull();
    expect((await svc.barsPaged(svc.series()[0]!.id, null, null, 100))!.aggregated).toBe(true);
    expect([opened, closed]).toEqual([2, 2]);
  });
});
