import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { Dec } from '#shared/money/decimal';
import { Engine } from '#main/engine/engine';
import { assertBounded } from '../bounded-check';
import { checkInvariants } from './invariants';
import { OpArb, materialize } from './ops';


describe('engine invariants over long random event sequences', () => {
  it('conserves money exactly, keeps wallets non-negative, books consistent, and is deterministic', () => {
    assertBounded(
      fc.property(fc.array(OpArb, { minLength: 40, maxLength: 220 }), fc.boolean(), (ops, withCrowd) => {
        const engine = new Engine();
        const applied: EngineEvent[] = [];
        let liquidations = 0;
        for (const op of ops) {
          const ev = materialize(engine, op, withCrowd, applied.length);
          if (!ev) continue;
          const before = engine.stateHash();
          const r = engine.apply(ev);
          if (!r.ok) {
            // A refusal changes nothing, to the last digit.
            expect(engine.stateHash()).toBe(before);
            continue;
          }
          applied.push(ev);
          for (const e of r.effects) {
            if (e.kind !== 'liquidation') continue;
            liquidations += 1;
            // Never above maintenance: margin balance had fallen to the requirement or below.
            expect(new Dec(e.liquidation.marginBalance).lte(new Dec(e.liquidation.maintenanceMargin))).toBe(true);
          }
          checkInvariants(engine);
        }
        // Determinism: the same events on a fresh engine, and from a snapshot taken half way.
        const again = new Engine();
        const half = Math.floor(applied.length / 2);
        let snapshot = null;
        for (let i = 0; i < applied.length; i++) {
          expect(again.apply(applied[i]!).ok).toBe(true);
          if (i === half) snapshot = again.snapshot();
        }
        expect(again.stateHash()).toBe(engine.stateHash());
        if (snapshot) {
          const resumed = Engine.restore(JSON.parse(JSON.stringify(snapshot)));
          for (let i = half + 1; i < applied.length; i++) expect(resumed.apply(applied[i]!).ok).toBe(true);
          expect(resumed.stateHash()).toBe(engine.stateHash());
        }
        return liquidations >= 0;
      }),
      { numRuns: 150 },
    );
  }, 600_000);
});
