import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '#main/engine/engine';
import { canonicalJson, hashOf, markCanonical, sha256Hex } from '#main/engine/state/hash';
import { assertBounded } from '../bounded-check';
import { OpArb, materialize } from './ops';

/** canonicalJson without the fast path: the replacer that sorts every object's keys. */
const sortedText = (value: unknown): string => JSON.stringify(JSON.parse(JSON.stringify(value)), (_k, x: unknown) => {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return x;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(x).sort()) out[k] = (x as Record<string, unknown>)[k];
  return out;
});

/** Every object in `value` (at any depth) has its own keys in sorted order; returns the first path that does not. */
function unsortedAt(value: unknown, path = '$'): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = unsortedAt(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  const keys = Object.keys(value);
  if (keys.join('\0') !== [...keys].sort().join('\0')) return path;
  for (const k of keys) {
    const bad = unsortedAt((value as Record<string, unknown>)[k], `${path}.${k}`);
    if (bad) return bad;
  }
  return null;
}

/**
 * Engine snapshots are built with their keys in sorted order and written by JSON.stringify alone
 * (markCanonical): the text, and so every state hash, must equal what the key-sorting replacer
 * writes, for any state the engine can reach (orders, brackets, crowds, funding, liquidations).
 */
describe('canonical engine snapshots', () => {
  it('are written exactly as the key-sorting canonical JSON would write them', () => {
    assertBounded(
      fc.property(fc.array(OpArb, { minLength: 1, maxLength: 120 }), fc.boolean(), (ops, withCrowd) => {
        const e = new Engine();
        let applied = 0;
        const check = (): void => {
          const snap = e.snapshot();
          expect(unsortedAt(snap)).toBeNull();
          const text = canonicalJson(snap);
          expect(text).toBe(sortedText(snap));
          expect(e.stateHash()).toBe(sha256Hex(sortedText(snap)));
        };
        check();
        for (const op of ops) {
          const ev = materialize(e, op, withCrowd, applied);
          if (ev && e.apply(ev).ok) applied += 1;
          if (applied % 10 === 0) check();
        }
        check();
      }),
      { numRuns: 60, share: 0.9 },
    );
  }, 600_000);

  it('a value not marked canonical is still sorted by the replacer', () => {
    const unsorted = { b: 1, a: { d: 2, c: 3 } };
    expect(canonicalJson(unsorted)).toBe('{"a":{"c":3,"d":2},"b":1}');
    // Marking is a promise by the caller: a marked value is written as it is.
    expect(canonicalJson(markCanonical({ b: 1, a: 2 }))).toBe('{"b":1,"a":2}');
    expect(hashOf(unsorted)).toBe(sha256Hex('{"a":{"c":3,"d":2},"b":1}'));
  });
});
