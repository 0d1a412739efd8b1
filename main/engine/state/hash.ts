import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Canonical JSON: object keys sorted, no whitespace, numbers in JavaScript's shortest
 * round-trip form, `undefined` members dropped. Two equal plain-data values always give the
 * same text, whatever order their keys were built in, so a hash of it identifies a state.
 * (Keys that look like array indices keep JavaScript's numeric order; engine snapshots have none:
 * their collections are arrays.)
 *
 * JSON.stringify does the writing (native, ~1 s for a 100,000-trader snapshot of 55 MB); the
 * replacer hands it every plain object re-built with its keys in sorted order, and refuses what
 * has no canonical text (non-finite numbers, functions, symbols, bigints).
 *
 * A value registered with markCanonical (an engine snapshot, built with every key already in
 * sorted order) is written by JSON.stringify alone: the replacer re-built millions of objects and
 * cost ~5x the writing itself. Same text (test/property/engine/canonical-snapshot.test.ts).
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'object' && value !== null && canonical.has(value)) return JSON.stringify(value);
  return JSON.stringify(value, sortedKeys);
}

const canonical = new WeakSet<object>();

/**
 * Declares that `value` is already canonical: every object in it has its keys in sorted order,
 * and it holds only strings, finite numbers, booleans, null and arrays. The caller vouches for it
 * and must not change the value afterwards (engine snapshots are read-only).
 */
export function markCanonical<T extends object>(value: T): T {
  canonical.add(value);
  return value;
}

/** A copy of a small plain value with every object's keys in sorted order (checked as canonicalJson checks). */
export function sortedCopy<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}

function sortedKeys(this: unknown, _key: string, x: unknown): unknown {
  switch (typeof x) {
    case 'number':
      if (!Number.isFinite(x)) throw new RangeError(`cannot hash a non-finite number (${x})`);
      return x;
    case 'object': {
      if (x === null || Array.isArray(x)) return x;
      const obj = x as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(obj).sort()) out[k] = obj[k];
      return out;
    }
    case 'string':
    case 'boolean':
    case 'undefined':
      return x;
    default:
      throw new TypeError(`cannot hash a ${typeof x}`);
  }
}

/** sha256 of a text, lower-case hex. */
export type TextHasher = (text: string) => string;

const nobleSha256: TextHasher = (text) => bytesToHex(sha256(utf8ToBytes(text)));
let textHasher: TextHasher = nobleSha256;

/**
 * Replaces the sha256 the engine hashes with. The engine is pure (no Node APIs), so it carries a
 * JavaScript sha256 (@noble/hashes, ~4 s for a 100,000-trader state); main installs node:crypto's
 * (native, ~0.1 s) through main/trading/rebuild.ts. Both give the same digest, so hashes do not
 * depend on which one ran.
 */
export function useTextHasher(fn: TextHasher): void {
  textHasher = fn;
}

/** sha256 of a text with the installed hasher, lower-case hex. */
export function sha256Hex(text: string): string {
  return textHasher(text);
}

/** sha256 of the canonical JSON, lower-case hex. */
export function hashOf(value: unknown): string {
  return textHasher(canonicalJson(value));
}
