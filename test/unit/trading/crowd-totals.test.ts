import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Engine } from '#main/engine/engine';
import { crowdTotals } from '#main/engine/queries/crowd-page';
import { CrowdTotalsTracker } from '#main/engine/queries/crowd-totals';
import { mustApply, order, startedEngine, tick, T0 } from '../engine/helpers';

/**
 * The Market tab's header sums kept up to date from call to call (issue 10 item 7: summing
 * 100,000 decimals afresh held main 40-75 ms after each change) must be, after every event, the
 * sums taken afresh (crowdTotals, the oracle).
 */
function crowdEngine(seed: number, traders: number): Engine {
  const e = startedEngine('100000', { deposit: '100000', leverage: 10 });
  mustApply(e, { kind: 'crowd', t: T0, symbol: 'BTCUSDT', params: { seed, traders, longShare: 0.5, leverage: [{ leverage: 20, weight: 1 }, { leverage: 100, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.5, minDistance: 0.005, maxDistance: 0.03 }, entryWindowHours: 1 } });
  return e;
}

type Step = { kind: 'tick'; move: number } | { kind: 'trade'; side: 'buy' | 'sell'; qty: number } | { kind: 'funding'; rate: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('tick' as const), move: fc.double({ min: -0.02, max: 0.02, noNaN: true }) }),
  fc.record({ kind: fc.constant('trade' as const), side: fc.constantFrom('buy' as const, 'sell' as const), qty: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('funding' as const), rate: fc.integer({ min: -30, max: 30 }) }),
);

/** Applies one step at time t; returns the price after it. */
function applyStep(e: Engine, s: Step, t: number, price: number, moveScale = 1): number {
  if (s.kind === 'funding') {
    mustApply(e, { kind: 'funding', funding: { t, symbol: 'BTCUSDT', rate: (s.rate / 10_000).toFixed(4) as never, intervalHours: 8, source: 'model' } });
    return price;
  }
  const next = s.kind === 'tick' ? Math.max(1000, price * (1 + s.move * moveScale)) : price;
  mustApply(e, { kind: 'tick', tick: tick(t, next.toFixed(1)) });
  if (s.kind === 'trade') order(e, { symbol: 'BTCUSDT', side: s.side, type: 'market', quantity: (s.qty / 1000).toFixed(3) as never });
  return next;
}

describe('the Market tab header sums', () => {
  it('equal the sums taken afresh after every event: arrivals, trades, fundings, stops and liquidations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(step, { minLength: 1, maxLength: 25 }), (seed, steps) => {
        const e = crowdEngine(seed, 120);
        const tracker = new CrowdTotalsTracker();
        let price = 100_000;
        let t = T0;
        for (const s of steps) {
          t += 5 * 60_000; // the crowd arrives over the first hour
          price = applyStep(e, s, t, price);
          const positions = e.indexes.positionsIn('BTCUSDT');
          expect(tracker.update(positions)).toEqual(crowdTotals({ state: e.readState, idx: e.indexes }, 'BTCUSDT'));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('drops positions that closed', () => {
    const e = crowdEngine(5, 60);
    mustApply(e, { kind: 'tick', tick: tick(T0 + 3_600_000, '100000') });
    const tracker = new CrowdTotalsTracker();
    const before = tracker.update(e.indexes.positionsIn('BTCUSDT'));
    expect(before.longs + before.shorts).toBeGreaterThan(20);
    // A crash far beyond every long's liquidation price.
    mustApply(e, { kind: 'tick', tick: tick(T0 + 3_601_000, '60000') });
    const after = tracker.update(e.indexes.positionsIn('BTCUSDT'));
    expect(after.longs).toBeLessThan(before.longs);
    expect(after).toEqual(crowdTotals({ state: e.readState, idx: e.indexes }, 'BTCUSDT'));
  });

  it('recorded in steps while the market moves between them, then kept up to date, equals the sums taken afresh', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 40 }), fc.array(step, { minLength: 1, maxLength: 12 }), (seed, every, steps) => {
        const e = crowdEngine(seed, 120);
        let price = 100_000;
        let t = T0 + 3_600_000;
        mustApply(e, { kind: 'tick', tick: tick(t, price.toFixed(1)) });
        const tracker = new CrowdTotalsTracker();
        const build = tracker.buildSteps(e.indexes.positionsIn('BTCUSDT'), every);
        // One event between every step of the recording: trades, fundings, falls that liquidate.
        for (const s of steps) {
          if (build.next().done) break;
          t += 60_000;
          price = applyStep(e, s, t, price, 3);
        }
        while (!build.next().done);
        expect(tracker.built).toBe(true);
        expect(tracker.update(e.indexes.positionsIn('BTCUSDT'))).toEqual(crowdTotals({ state: e.readState, idx: e.indexes }, 'BTCUSDT'));
      }),
      { numRuns: 40 },
    );
  });
});
