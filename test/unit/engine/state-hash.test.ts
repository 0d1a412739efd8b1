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
