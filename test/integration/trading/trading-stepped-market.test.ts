import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import { ScenarioSchema } from '#shared/domain/scenario';
import type { Db } from '#main/store/db-types';
import { openWorkspace } from '#main/store/db';
import { TradingService, type TradingPush } from '#main/trading/trading-service';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * Issue 10 item 7: a market event that does a lot at once (a funding settlement of a big crowd, a
 * cascade liquidating thousands of it) goes on in slices once it has run for a slice, as the
 * opening of a big crowd does: market events arriving meanwhile wait, no state frame shows the
 * empty stand-in engine, and the result is the one of every event applied at once.
 */
const tempDir = useTempDirs();
const T0 = Date.parse('2024-01-01T00:00:00Z');
const scenario = ScenarioSchema.parse({
  name: 'stepped',
  symbol: 'BTCUSDT',
  start: '2024-01-01T00:00:00Z',
  durationMinutes: 600,
  seed: 7,
  market: { type: 'gbm', startPrice: '42000', volatility: 0.9 },
  account: { deposit: '20000', leverage: 20 },
  crowd: { seed: 2, traders: 1500, longShare: 0.6, leverage: [{ leverage: 10, weight: 1 }, { leverage: 50, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.3, minDistance: 0.01, maxDistance: 0.03 }, entryWindowHours: 0 },
});
const tick = (minute: number, price: string): MarketTick => ({ t: T0 + minute * 60_000, symbol: 'BTCUSDT', last: price as never, index: price as never, mark: price as never, liquidity: { depthScale: 1, spreadBps: 1 } });
const funding = (minute: number): FundingTick => ({ t: T0 + minute * 60_000, symbol: 'BTCUSDT', rate: '0.0005' as never, intervalHours: 8, source: 'model' });

function service(stepBudgetMs: number, pushes: TradingPush[], options: { traders?: number; snapshotEvery?: number } = {}): { service: TradingService; db: Db; close: () => void } {
  const ws = openWorkspace(path.join(tempDir(), 'w.db'));
  const s = new TradingService({
    db: ws.db,
    // Every event commits at once, so the reference writes its snapshots as soon as they are due too.
    ...(options.snapshotEvery ? { journal: { snapshotEvery: options.snapshotEvery, groupSize: 1 } } : {}),
    publish: (p) => pushes.push(p),
    defaults: () => ({ profile: 'binance-usdm', leverage: 10, mode: 'isolated' }),
    loadedScenario: () => ({ scenario: options.traders ? { ...scenario, crowd: { ...scenario.crowd!, traders: options.traders } } : scenario, id: null }),
    stepBudgetMs,
  });
  return {
    service: s,
    db: ws.db,
    close: () => {
      s.close();
      ws.close();
    },
  };
}

describe('a heavy market event in slices', () => {
  it('settles funding and liquidates a cascade in slices, deferring what arrives meanwhile, into the state of events applied at once', async () => {
    const wholePushes: TradingPush[] = [];
    const whole = service(Number.POSITIVE_INFINITY, wholePushes);
    const slicedPushes: TradingPush[] = [];
    const sliced = service(0, slicedPushes);
    const events: Array<['tick', MarketTick] | ['funding', FundingTick]> = [
      ['tick', tick(0, '42000')],
      ['tick', tick(1, '42010')],
      ['funding', funding(2)],
      ['tick', tick(3, '42020')],
      // A 4% fall: the 50x part of the crowd is liquidated in one tick.
      ['tick', tick(4, '40300')],
      ['tick', tick(5, '40310')],
    ];
    for (const { service: s } of [whole, sliced]) {
      s.onLoad(T0);
      await s.settled();
    }
    let stepped = 0;
    for (const [kind, e] of events) {
      for (const { service: s } of [whole, sliced]) {
        if (kind === 'tick') s.onTick(e as MarketTick);
        else s.onFunding(e as FundingTick);
      }
      expect(whole.service.busy).toBe(false);
      if (sliced.service.busy) {
        stepped += 1;
        // Trading calls wait over IPC; called directly meanwhile, a command is refused with the reason.
        expect(() => sliced.service.command({ type: 'deposit', amount: '1' } as never)).toThrow(/busy with a long event/);
        // Mid-event, a frame carries activity but never the stand-in engine's empty state.
        sliced.service.pushFrame();
        expect(slicedPushes.filter((p) => p.type === 'trading.state' && p.payload.positions.length === 0 && p.payload.seq === 0)).toEqual([]);
      }
    }
    // The funding, the fall and the crowd's opening tick ran in slices; the rest waited for them.
    expect(stepped).toBeGreaterThanOrEqual(3);
    await sliced.service.settled();
    expect(sliced.service.busy).toBe(false);
    const liquidations = (pushes: TradingPush[]): number => pushes.reduce((n, p) => n + (p.type === 'trading.activity' ? p.payload.liquidations.length + p.payload.dropped.liquidations : 0), 0);
    whole.service.pushFrame();
    sliced.service.pushFrame();
    expect(liquidations(wholePushes)).toBeGreaterThan(100);
    expect(liquidations(slicedPushes)).toBe(liquidations(wholePushes));
    expect(sliced.service.engine.readState.seq).toBe(whole.service.engine.readState.seq);
    expect(sliced.service.stateHash()).toBe(whole.service.stateHash());
    whole.close();
    sliced.close();
  });

  it("writes a big state's periodic snapshots in slices, deferring what arrives meanwhile: the same snapshots as written at once", async () => {
    const whole = service(Number.POSITIVE_INFINITY, [], { traders: 2100, snapshotEvery: 4 });
    const sliced = service(12, [], { traders: 2100, snapshotEvery: 4 });
    for (const { service: s } of [whole, sliced]) {
      s.onLoad(T0);
      await s.settled();
    }
    let busyAfter = 0;
    for (let minute = 0; minute < 12; minute++) {
      for (const { service: s } of [whole, sliced]) s.onTick(tick(minute, (42000 + minute * 7).toFixed(1)));
      expect(whole.service.busy).toBe(false);
      if (!sliced.service.busy) continue;
      busyAfter += 1;
      await sliced.service.settled();
    }
    // The crowd's opening tick, then quiet ticks after which a snapshot was due (every 4 events).
    expect(busyAfter).toBeGreaterThanOrEqual(3);
    await sliced.service.settled();
    for (const { service: s } of [whole, sliced]) s.flush();
    const snapshots = (db: Db): unknown[] => db.prepare('SELECT seq, t, hash, length(body) AS bytes FROM trading_snapshots ORDER BY seq').all();
    expect(snapshots(whole.db).length).toBeGreaterThanOrEqual(2);
    expect(snapshots(sliced.db)).toEqual(snapshots(whole.db));
    const indexes = (db: Db): unknown[] => (db.prepare('SELECT index_body AS i FROM trading_snapshots ORDER BY seq').all() as Array<{ i: string }>).map((r) => JSON.parse(r.i));
    expect(indexes(sliced.db)).toEqual(indexes(whole.db));
    expect(sliced.service.stateHash()).toBe(whole.service.stateHash());
    whole.close();
    sliced.close();
  });

  it("prepares a close in slices: a big state's snapshot at the head, the one close() alone writes at once", async () => {
    const whole = service(Number.POSITIVE_INFINITY, [], { traders: 2100 });
    const sliced = service(12, [], { traders: 2100 });
    for (const { service: s } of [whole, sliced]) {
      s.onLoad(T0);
      await s.settled();
      for (let minute = 0; minute < 5; minute++) {
        s.onTick(tick(minute, (42000 + minute * 7).toFixed(1)));
        await s.settled();
      }
    }
    const snapshots = (db: Db): unknown[] => db.prepare('SELECT seq, t, hash, length(body) AS bytes, length(index_body) AS index_bytes FROM trading_snapshots ORDER BY seq').all();
    const before = snapshots(sliced.db).length;
    const preparing = sliced.service.prepareClose();
    await new Promise((resolve) => setImmediate(resolve));
    // Written in slices: the engine is busy with it while the event loop turns.
    expect(sliced.service.busy).toBe(true);
    await preparing;
    expect(sliced.service.busy).toBe(false);
    const prepared = snapshots(sliced.db);
    expect(prepared.length).toBe(before + 1);
    sliced.service.close();
    // close() found the snapshot at the head: nothing more to write.
    expect(snapshots(sliced.db)).toEqual(prepared);
    whole.service.close();
    expect(snapshots(sliced.db)).toEqual(snapshots(whole.db));
    whole.close();
    sliced.close();
  });

  it('prepares nothing for a small state: close() writes its snapshot at once', async () => {
    const small = service(12, [], { traders: 50 });
    small.service.onLoad(T0);
    await small.service.settled();
    small.service.onTick(tick(0, '42000.0'));
    await small.service.settled();
    const count = (): number => (small.db.prepare('SELECT COUNT(*) AS n FROM trading_snapshots').get() as { n: number }).n;
    const before = count();
    await small.service.prepareClose();
    expect(count()).toBe(before);
    small.service.close();
    expect(count()).toBe(before + 1);
    small.close();
  });
});
