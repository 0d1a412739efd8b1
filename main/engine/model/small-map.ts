const NONE: unique symbol = Symbol('none');

/**
 * A Map for an account's own collections (settings, positions and live orders by symbol or id),
 * which hold one entry or none for nearly every account: a crowd trader has one symbol, one
 * position and at most one stop. V8 gives every Map a 152-byte hash table even when empty; at
 * 100,000 traders their three maps were ~55 MB of a ~350 MB heap, marked by every full
 * collection. This keeps one entry inline and moves to a real Map at the second, first entry first.
 *
 * It behaves as a Map for what the engine does: insertion order, `set` returning the map, an
 * entry added while iterating is visited. Keys compare with ===: they are symbols' names and
 * order ids, never NaN. Deleting and adding again the same key inside a loop over the map (which
 * a Map would visit twice) is not reproduced; nothing in the engine does it.
 */
export class SmallMap<K, V> implements Map<K, V> {
  private key: K | typeof NONE = NONE;
  private value: V | undefined = undefined;
  private big: Map<K, V> | null = null;

  constructor(entries?: Iterable<readonly [K, V]>) {
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }

  get size(): number {
    if (this.big) return this.big.size;
    return this.key === NONE ? 0 : 1;
  }

  get(k: K): V | undefined {
    if (this.big) return this.big.get(k);
    return this.key === k ? this.value : undefined;
  }

  has(k: K): boolean {
    if (this.big) return this.big.has(k);
    return this.key === k;
  }

  set(k: K, v: V): this {
    if (this.big) this.big.set(k, v);
    else if (this.key === NONE || this.key === k) {
      this.key = k;
      this.value = v;
    } else {
      this.big = new Map<K, V>([[this.key, this.value as V], [k, v]]);
      this.key = NONE;
      this.value = undefined;
    }
    return this;
  }

  delete(k: K): boolean {
    if (this.big) return this.big.delete(k);
    if (this.key !== k) return false;
    this.key = NONE;
    this.value = undefined;
    return true;
  }

  clear(): void {
    this.big = null;
    this.key = NONE;
    this.value = undefined;
  }

  forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }

  *entries(): MapIterator<[K, V]> {
    if (this.big) {
      yield* this.big.entries();
      return;
    }
    if (this.key === NONE) return;
    const first = this.key;
    yield [first, this.value as V];
    // An entry added inside the loop turned this into a Map behind the one just visited.
    const later = this.big as Map<K, V> | null;
    if (later) for (const e of later.entries()) if (e[0] !== first) yield e;
  }

  *keys(): MapIterator<K> {
    for (const e of this.entries()) yield e[0];
  }

  *values(): MapIterator<V> {
    for (const e of this.entries()) yield e[1];
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }
}
