import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { Engine } from '#main/engine/engine';
import { assertBounded } from '../bounded-check';
import { OpArb, materialize } from './ops';


/**
 * Issue 10, item 8: a snapshot restored with the liquidation index exported next to it (no
 * liquidation price solved again) must behave exactly like the engine that lived through the
 * events and like a restore that solves everything: same hashes after the rest of the events,
 * and the same index as the live engine. Funding makes entries stale, so lazy entries are covered.
 */
describe('restoring with the exported liquidation index', () => {
  it('continues exactly like the live engine and like a full re-solve', () => {
    let restoredWithEntries = 0;
    const report = assertBounded(
      fc.property(fc.array(OpArb, { minLength: 40, maxLength: 160 }), fc.double({ min: 0.2, max: 0.8, noNaN: true }), (ops, cut) => {
        const live = new Engine();
        const applied: EngineEvent[] = [];
        for (const op of ops) {
          const ev = materialize(live, op, true, applied.length);
          if (ev && live.apply(ev).ok) applied.push(ev);
        }
        const half = Math.floor(applied.length * cut);
        const first = new Engine();
        for (let i = 0; i < half; i++) first.apply(applied[i]!);
        const snapshot = JSON.parse(JSON.stringify(first.snapshot()));
        const index = JSON.parse(JSON.stringify(first.indexSnapshot()));
        if (index.entries.length > 0) restoredWithEntries += 1;
        const withIndex = Engine.restore(snapshot, { index });
        expect(withIndex.indexSnapshot()).toEqual(first.indexSnapshot());
        const solved = Engine.restore(snapshot);
        for (let i = half; i < applied.length; i++) {
          withIndex.apply(applied[i]!);
          solved.apply(applied[i]!);
          first.apply(applied[i]!);
        }
        expect(withIndex.stateHash()).toBe(live.stateHash());
        expect(solved.stateHash()).toBe(live.stateHash());
        expect(withIndex.indexSnapshot()).toEqual(first.indexSnapshot());
      }),
      { numRuns: 40, share: 0.95 },
    );
    expect(restoredWithEntries).toBeGreaterThan(report.numRuns / 2);
  }, 600_000);

  it('ignores an index that does not match the snapshot (solves instead)', () => {
    const e = new Engine();
    const applied: EngineEvent[] = [];
    fc.assert(
      fc.property(fc.array(OpArb, { minLength: 60, maxLength: 60 }), (ops) => {
        for (const op of ops) {
          const ev = materialize(e, op, true, applied.length);
          if (ev && e.apply(ev).ok) applied.push(ev);
        }
      }),
      { numRuns: 1, seed: 7 },
    );
    const index = e.indexSnapshot();
    expect(index.entries.length).toBeGreaterThan(0);
    const wrong = { ...index, entries: index.entries.slice(1) };
    const snapshot = JSON.parse(JSON.stringify(e.snapshot()));
    const restored = Engine.restore(snapshot, { index: wrong });
    expect(restored.indexes.liq.size).toBe(index.entries.length);
    const solved = Engine.restore(snapshot).indexSnapshot();
    expect(restored.indexSnapshot()).toEqual(solved);
    // An entry too many, or one on the wrong side, is refused as well (the prices are solved again).
    const extra = { ...index, entries: [...index.entries, ['nobody', index.entries[0]![1], 'long', '1', '1', 1, 1, 1, 0] as const] };
    expect(Engine.restore(snapshot, { index: extra }).indexSnapshot()).toEqual(solved);
    const [first, ...rest] = index.entries;
    const flipped = { ...index, entries: [[first![0], first![1], first![2] === 'long' ? 'short' : 'long', '1', '1', 1, 1, 1, 0] as const, ...rest] };
    expect(Engine.restore(snapshot, { index: flipped }).indexSnapshot()).toEqual(solved);
    // A price that is no decimal text (a damaged file) is refused at import, not when first read.
    const damaged = { ...index, entries: [[first![0], first![1], first![2], 'x1', '1', 1, 1, 1, 0] as const, ...rest] };
    expect(Engine.restore(snapshot, { index: damaged }).indexSnapshot()).toEqual(solved);
    // A matching index is taken as it is: its (here altered) numbers show it was not re-solved.
    const altered = { ...index, entries: index.entries.map((x) => [x[0], x[1], x[2], x[3], x[4], x[5] + 1, x[6], x[7], x[8]] as const) };
    expect(Engine.restore(snapshot, { index: altered }).indexSnapshot().entries.map((x) => x[5])).toEqual(altered.entries.map((x) => x[5]));
  });
});
