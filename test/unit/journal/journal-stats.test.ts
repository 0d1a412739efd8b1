import { describe, expect, it } from 'vitest';
import { EMPTY_ANNOTATION, type JournalTrip } from '#shared/journal/journal-trip';
import { computeStats } from '#main/journal/stats/compute-stats';
import { filterTrips } from '#main/journal/stats/trip-filter';

const H = 3_600_000;
function trip(i: number, net: string, extra: Partial<JournalTrip> = {}): JournalTrip {
  const closedAt = Date.UTC(2025, 0, 6) + i * H; // 2025-01-06 is a Monday
  return {
    id: `t${i}`, source: 'import', account: 'a', venue: 'generic', symbol: 'BTCUSDT', side: 'long', asset: 'USDT', openedAt: closedAt - H, closedAt, holdingMs: H,
    fillCount: 2, quantity: '1', entryPrice: '100', exitPrice: '101', leverage: 10, marginMode: 'cross', fees: '0', feesByAsset: {}, funding: '0', realizedPnl: net as never,
    insuranceClear: '0' as never, net: net as never, liquidated: false, liquidationId: null, plannedStop: null, stopSource: null, rMultiple: null, maePrice: null, mfePrice: null,
    maePct: null, mfePct: null, maeR: null, mfeR: null, excursionSource: null, excursionNote: null, scenario: null, complete: true, annotation: EMPTY_ANNOTATION, ...extra,
  } as JournalTrip;
}

describe('journal statistics', () => {
  const trips = [trip(0, '10', { rMultiple: 1 }), trip(1, '-5', { rMultiple: -0.5 }), trip(2, '0'), trip(3, '-20'), trip(4, '30', { asset: 'USDC' })];

  it('win rate leaves break-even apart; profit factor, expectancy and drawdown in one asset', () => {
    const s = computeStats(trips, undefined);
    expect(s.asset).toBe('USDT');
    expect([s.count, s.wins, s.losses, s.breakeven]).toEqual([4, 1, 2, 1]);
    expect(s.winRate).toBeCloseTo(1 / 3);
    expect(s.profitFactor).toBeCloseTo(10 / 25);
    expect(s.expectancy).toBeCloseTo(-15 / 4);
    expect(s.expectancyR).toBeCloseTo(0.25);
    expect(s.totalNet).toBeCloseTo(-15);
    // Peak +10 after trip 0, trough -15 after trip 3: depth 25, never recovered.
    expect(s.maxDrawdown.depth).toBeCloseTo(25);
    expect(s.maxDrawdown.durationMs).toBe(3 * H);
    expect(s.heatmap[0]![0]!.trips).toBe(1); // Monday 00:00 UTC
    expect(s.calendar).toEqual([{ day: '2025-01-06', net: -15, trips: 4 }]);
    expect(s.assets).toEqual([{ asset: 'USDT', trips: 4 }, { asset: 'USDC', trips: 1 }]);
    expect(computeStats(trips, 'USDC').totalNet).toBe(30);
  });

  it('tag filters: all (AND), any (OR), none (NOT)', () => {
    const tagged = [
      trip(0, '1', { annotation: { ...EMPTY_ANNOTATION, tags: ['a', 'b'] } }),
      trip(1, '1', { annotation: { ...EMPTY_ANNOTATION, tags: ['a'] } }),
      trip(2, '1', { annotation: { ...EMPTY_ANNOTATION, tags: ['c'] } }),
    ];
    const ids = (f: Parameters<typeof filterTrips>[1]) => filterTrips(tagged, f).map((t) => t.id);
    expect(ids({ tags: { all: ['a', 'b'], any: [], none: [] } })).toEqual(['t0']);
    expect(ids({ tags: { all: [], any: ['b', 'c'], none: [] } })).toEqual(['t0', 't2']);
    expect(ids({ tags: { all: [], any: [], none: ['a'] } })).toEqual(['t2']);
    expect(ids({ from: tagged[1]!.closedAt })).toEqual(['t1', 't2']);
  });
});
