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
            const l = e.liquidation;
            // Never above maintenance: margin balance had fallen to the requirement or below, or
            // (isolated) funding had emptied the margin itself, which is liquidated whatever the
            // price (docs/engine.md). The margin at the trigger is read back from the effect:
            // balance − unrealised PnL at the mark of the quantity held then.
            const balanceAbove = new Dec(l.marginBalance).gt(new Dec(l.maintenanceMargin));
            const heldQty = new Dec(l.quantity).plus(l.remainingQuantity);
            const upnl = new Dec(l.markPrice).minus(l.entryPrice).mul(heldQty).mul(l.side === 'long' ? 1 : -1);
            const marginAtTrigger = new Dec(l.marginBalance).minus(upnl);
            const emptied = l.marginMode === 'isolated' && marginAtTrigger.lte('0.000001');
            expect(!balanceAbove || emptied, `liquidation ${l.id} of ${l.account}: ${l.marginMode} balance ${l.marginBalance} > maintenance ${l.maintenanceMargin}, margin ${marginAtTrigger.toFixed()}`).toBe(true);
          }
          checkInvariants(engine);
        }
        // Determinism: the same events on a fresh engine, and from a snapshot taken half way.
        const again = new Engine();
        const half = Math.floor(applied.length / 2);
        let snapshot = null;
        for (let i = 0; i < applied.length; i++) {
          expect(again.apply(applied[i]!).ok, `replay of event ${i}`).toBe(true);
          if (i === half) snapshot = again.snapshot();
        }
        expect(again.stateHash()).toBe(engine.stateHash());
        if (snapshot) {
          const resumed = Engine.restore(JSON.parse(JSON.stringify(snapshot)));
          for (let i = half + 1; i < applied.length; i++) expect(resumed.apply(applied[i]!).ok, `resumed event ${i}`).toBe(true);
          expect(resumed.stateHash()).toBe(engine.stateHash());
        }
        return liquidations >= 0;
      }),
      { numRuns: 150 },
    );
  }, 600_000);
});
