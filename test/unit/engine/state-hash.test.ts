import { describe, expect, it } from 'vitest';
import { canonicalJson, hashOf } from '#main/engine/state/hash';

describe('canonical hashing', () => {
  it('ignores key order and undefined members but not values', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 'x', c: null }], u: undefined })).toBe('{"a":[1,{"c":null,"d":"x"}],"b":1}');
    expect(hashOf({ a: 1, b: 2 })).toBe(hashOf({ b: 2, a: 1 }));
    expect(hashOf({ a: '1.0' })).not.toBe(hashOf({ a: '1' }));
    expect(hashOf({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses values that have no canonical text', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/function/);
  });
});

describe('the engine hasher', () => {
  it('node:crypto installed by main gives the same digests as the pure sha256', async () => {
    const { sha256Hex, useTextHasher } = await import('#main/engine/state/hash');
    const text = canonicalJson({ a: 'é€😀', b: [1.5, -0, 1e21] });
    const pure = sha256Hex(text);
    const { sha256: nodeSha } = await import('#main/trading/rebuild');
    expect(nodeSha(text)).toBe(pure);
    useTextHasher(nodeSha);
    expect(sha256Hex(text)).toBe(pure);
    expect(hashOf({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });
});
