import { describe, expect, it } from 'vitest';
import { Engine } from '#main/engine/engine';
import { canonicalJson } from '#main/engine/state/hash';
import { checkRestored, readSnapshot, sha256 } from '#main/trading/rebuild';
import { order, startedEngine } from '../engine/helpers';

function stored(e: Engine) {
  const body = canonicalJson(e.snapshot());
  return { seq: e.readState.seq, t: e.readState.t, hash: sha256(body), body, index: JSON.stringify(e.indexSnapshot()) };
}

describe('checking a restored snapshot', () => {
  it('accepts a faithful restore and keeps the stored hash as its state hash', () => {
    const e = startedEngine();
    expect(order(e, { side: 'buy', type: 'market', quantity: '0.5' as never }).ok).toBe(true);
    const snap = stored(e);
    const { state, index } = readSnapshot(snap, true);
    const restored = Engine.restore(state, index ? { index } : {});
    checkRestored(restored, snap);
    expect(restored.stateHash()).toBe(snap.hash);
    expect(restored.stateHash()).toBe(e.stateHash());
  });

  it('refuses a body that the engine does not write back character for character', () => {
    const e = startedEngine();
    const snap = stored(e);
    // Same data, keys in another order: not what the engine writes (a restore that loses or reorders something).
    const parsed = JSON.parse(snap.body) as Record<string, unknown>;
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(parsed).reverse()));
    const bad = { ...snap, body: reordered, hash: sha256(reordered) };
    const restored = Engine.restore(readSnapshot(bad, true).state);
    expect(() => checkRestored(restored, bad)).toThrow(/does not restore to the same state/);
  });

  it('forgets a remembered hash once an event is applied', () => {
    const e = startedEngine();
    const before = e.stateHash();
    e.rememberStateHash('f'.repeat(64));
    expect(e.stateHash()).toBe('f'.repeat(64));
    expect(order(e, { side: 'buy', type: 'market', quantity: '0.5' as never }).ok).toBe(true);
    expect(e.stateHash()).not.toBe(before);
    expect(e.stateHash()).toBe(Engine.restore(JSON.parse(JSON.stringify(e.snapshot()))).stateHash());
  });
});
