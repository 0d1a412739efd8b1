import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { Engine } from '#main/engine/engine';
import type { ApplyResult } from '#main/engine/effects';
import { runSteps, setupEvent, tick, T0 } from './helpers';

/** Engine.applySteps (issue 10 item 7): the crowd-opening tick in slices, the same as apply(). */
const crowd = (traders: number): EngineEvent => ({
  kind: 'crowd',
  t: T0,
  symbol: 'BTCUSDT',
  params: {
    seed: 11,
    traders,
    longShare: 0.55,
    leverage: [
      { leverage: 5, weight: 2 },
      { leverage: 25, weight: 1 },
      { leverage: 100, weight: 1 },
    ],
    notional: { median: 12_000, logSigma: 1.3 },
    crossShare: 0.35,
    stops: { share: 0.4, minDistance: 0.01, maxDistance: 0.1 },
    entryWindowHours: 0,
  },
});

function started(traders: number): Engine {
  const e = new Engine();
  for (const ev of [setupEvent({ deposit: '50000', leverage: 10 }), crowd(traders)]) {
    const r = e.apply(ev);
    if (!r.ok) throw new Error(r.rejection.message);
  }
  return e;
}

function run(steps: Generator<void, ApplyResult>): { result: ApplyResult; pauses: number } {
  const { value, pauses } = runSteps(steps);
  return { result: value, pauses };
}

describe('Engine.applySteps', () => {
  it('opens a crowd in slices into the very state, effects and hash of one apply, and the ticks after agree too', () => {
    const whole = started(1500);
    const sliced = started(1500);
    const first: EngineEvent = { kind: 'tick', tick: tick(T0 + 60_000, '100000') };
    expect(sliced.arrivalsOn(first)).toBe(1500);
    const a = whole.apply(first);
    const { result: b, pauses } = run(sliced.applySteps(first, 37));
    expect(pauses).toBeGreaterThan(40);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(sliced.stateHash()).toBe(whole.stateHash());
    expect(sliced.arrivalsOn({ kind: 'tick', tick: tick(T0 + 120_000, '99000') })).toBe(0);
    // A fall that liquidates the 100x part of the crowd: both engines cascade alike.
    for (const [i, px] of ['99000', '98200', '97000'].entries()) {
      const ev: EngineEvent = { kind: 'tick', tick: tick(T0 + 120_000 + i * 60_000, px) };
      expect(JSON.stringify(run(sliced.applySteps(ev, 5)).result)).toBe(JSON.stringify(whole.apply(ev)));
    }
    expect(sliced.stateHash()).toBe(whole.stateHash());
  });

  it('settles funding and runs a cascade in slices into the very state and effects of one apply', () => {
    const whole = started(3000);
    const sliced = started(3000);
    const first: EngineEvent = { kind: 'tick', tick: tick(T0 + 60_000, '100000') };
    whole.apply(first);
    run(sliced.applySteps(first, 100));
    // A funding settlement of every position: pauses every 10 × every positions.
    const funding: EngineEvent = { kind: 'funding', funding: { t: T0 + 8 * 3_600_000, symbol: 'BTCUSDT', rate: '0.0003' as never, intervalHours: 8, source: 'model' } };
    const settled = run(sliced.applySteps(funding, 20));
    expect(settled.pauses).toBeGreaterThan(10);
    expect(JSON.stringify(settled.result)).toBe(JSON.stringify(whole.apply(funding)));
    expect(sliced.stateHash()).toBe(whole.stateHash());
    // A 6% fall liquidates the high-leverage part of the crowd in one tick: a cascade in slices.
    const fall: EngineEvent = { kind: 'tick', tick: tick(T0 + 8 * 3_600_000 + 60_000, '94000') };
    const cascade = run(sliced.applySteps(fall, 20));
    const once = whole.apply(fall);
    const liquidations = once.ok ? once.effects.filter((x) => x.kind === 'liquidation').length : 0;
    expect(liquidations).toBeGreaterThan(100);
    expect(cascade.pauses).toBeGreaterThanOrEqual(Math.floor(liquidations / 2));
    expect(JSON.stringify(cascade.result)).toBe(JSON.stringify(once));
    expect(sliced.stateHash()).toBe(whole.stateHash());
  });

  it('draws a crowd in steps into the state of one apply', () => {
    const whole = new Engine();
    const sliced = new Engine();
    for (const e of [whole, sliced]) e.apply(setupEvent({ deposit: '50000', leverage: 10 }));
    const a = whole.apply(crowd(20_000));
    const { result: b, pauses } = run(sliced.applySteps(crowd(20_000), 10));
    expect(pauses).toBeGreaterThan(30);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(sliced.stateHash()).toBe(whole.stateHash());
    // A second crowd is refused at once, before anything is drawn.
    const again = run(sliced.applySteps(crowd(20_000), 10));
    expect(again.pauses).toBe(0);
    expect(again.result.ok ? '' : again.result.rejection.code).toBe('crowdExists');
  });

  it('refuses what apply refuses, changing nothing', () => {
    const e = started(50);
    e.apply({ kind: 'tick', tick: tick(T0 + 60_000, '100000') });
    const hash = e.stateHash();
    const { result } = run(e.applySteps({ kind: 'tick', tick: tick(T0, '100000') }, 10));
    expect(result.ok ? '' : result.rejection.code).toBe('timeBackwards');
    expect(e.stateHash()).toBe(hash);
  });
});

describe('the state hash an engine keeps', () => {
  it('is forgotten by applySteps as by apply (a hash asked before the crowd opens is not reused after)', () => {
    const sliced = started(300);
    const whole = started(300);
    const before = sliced.stateHash();
    const first: EngineEvent = { kind: 'tick', tick: tick(T0 + 60_000, '100000') };
    run(sliced.applySteps(first, 50));
    whole.apply(first);
    expect(sliced.stateHash()).not.toBe(before);
    expect(sliced.stateHash()).toBe(whole.stateHash());
  });

  it('is forgotten as soon as applySteps starts changing the state (an open left half way keeps its sequence number)', () => {
    const e = started(300);
    const before = e.stateHash();
    const steps = e.applySteps({ kind: 'tick', tick: tick(T0 + 60_000, '100000') }, 50);
    steps.next();
    expect(e.readState.seq).toBe(2);
    expect(e.stateHash()).not.toBe(before);
  });
});
