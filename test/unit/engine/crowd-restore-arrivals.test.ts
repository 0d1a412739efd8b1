import { describe, expect, it } from 'vitest';
import { Engine } from '#main/engine/engine';
import { mustApply, setupEvent, tick, T0 } from './helpers';

const params = { seed: 23, traders: 300, longShare: 0.5, leverage: [{ leverage: 5, weight: 1 }, { leverage: 25, weight: 1 }], notional: { median: 4000, logSigma: 0.8 }, crossShare: 0.3, stops: { share: 0.4, minDistance: 0.01, maxDistance: 0.04 }, entryWindowHours: 2 };

/** A crowd arriving over two hours, then a fall that liquidates part of it; `cut` events in, a restore. */
function run(cut: number): { straight: string; restored: string; arrivalsKept: number } {
  const events = [setupEvent({ deposit: '50000', leverage: 10 }), { kind: 'crowd' as const, t: T0, symbol: 'BTCUSDT', params }];
  for (let i = 1; i <= 240; i++) events.push({ kind: 'tick', tick: tick(T0 + i * 60_000, (100_000 - i * 40).toFixed(1)) } as never);
  const a = new Engine();
  for (const e of events.slice(0, cut)) mustApply(a, e as never);
  const b = Engine.restore(a.snapshot());
  const arrivalsKept = (b.readState.crowd?.arrivals.length ?? 0) as number;
  for (const e of events.slice(cut)) {
    mustApply(a, e as never);
    mustApply(b, e as never);
  }
  return { straight: a.stateHash(), restored: b.stateHash(), arrivalsKept };
}

describe('a restored crowd', () => {
  it('still arriving: draws its arrivals again and goes on exactly as before', () => {
    const r = run(60); // an hour in: part of the crowd is still to come
    expect(r.arrivalsKept).toBe(params.traders);
    expect(r.restored).toBe(r.straight);
  });

  it('all arrived: keeps no arrivals (none is read again) and goes on exactly as before', () => {
    const r = run(150);
    expect(r.arrivalsKept).toBe(0);
    expect(r.restored).toBe(r.straight);
  });
});
