import { NEVER, drain } from '../steps';

/**
 * A binary heap of price triggers with lazy deletion, the index behind every "has anything
 * crossed?" question the engine asks on a tick (liquidation prices, stop and take-profit
 * triggers, resting limit prices).
 *
 * Keys are binary64 copies of exact decimal prices. The heap only nominates candidates: the
 * caller confirms each one with the exact decimal rule before acting, so float rounding can
 * delay nothing and can trigger nothing by itself (see `crossed`, which widens the float test
 * by a relative epsilon far above binary64 error and far below one tick).
 *
 * Removal is lazy: `remove(id)` forgets the live entry; the stale copy is discarded when it
 * reaches the top. Ties are broken by id, so the order of equal keys does not depend on history.
 */

/** 'desc': largest key on top (triggers when price <= key); 'asc': smallest on top (price >= key). */
export type HeapOrder = 'asc' | 'desc';

interface Entry {
  readonly key: number;
  readonly id: string;
  readonly seq: number;
}

/** A heap's live content: [id, stored key] pairs and the shift added to every stored key. */
export interface HeapData {
  readonly offset: number;
  readonly items: ReadonlyArray<readonly [string, number]>;
}

/** HeapData whose items are read once, in order (a reopen streams them: arriving-pieces.ts). */
export interface HeapSource {
  readonly offset: number;
  readonly items: Iterable<readonly [string, number]>;
}

/** Relative slack of the float pre-check; exact decimal checks follow every nomination. */
const REL_EPS = 1e-12;

export class TriggerHeap {
  private heap: Entry[] = [];
  /**
   * id -> its live heap entry (a copy still in the heap that is not this object is stale). One
   * map for the liveness and the key: with 100,000 liquidation prices, every map an insert
   * touches is a cache miss or two.
   */
  private readonly live = new Map<string, Entry>();
  private seq = 0;
  /** Added to every stored key: shiftAll moves the whole heap in O(1) (order is unchanged). */
  private offset = 0;

  constructor(readonly order: HeapOrder) {}

  get size(): number {
    return this.live.size;
  }

  has(id: string): boolean {
    return this.live.has(id);
  }

  /** The live key of `id` (undefined when absent). */
  keyOf(id: string): number | undefined {
    const e = this.live.get(id);
    return e === undefined ? undefined : e.key + this.offset;
  }

  /** Moves every key by `delta` at once. */
  shiftAll(delta: number): void {
    if (!Number.isFinite(delta)) throw new RangeError('heap shift is not finite');
    this.offset += delta;
  }

  /** Inserts or replaces the trigger of `id`. */
  set(id: string, key: number): void {
    if (!Number.isFinite(key)) throw new RangeError(`trigger key for ${id} is not finite`);
    const e = { key: key - this.offset, id, seq: ++this.seq };
    this.live.set(id, e);
    this.heap.push(e);
    this.siftUp(this.heap.length - 1);
    // Many updates leave many stale entries; compact when they dominate.
    if (this.heap.length > 64 && this.heap.length > 4 * this.live.size) this.compact();
  }

  remove(id: string): void {
    this.live.delete(id);
  }

  clear(): void {
    this.heap = [];
    this.live.clear();
    this.offset = 0;
  }

  /** The id and key on top, skipping stale entries; undefined when empty. */
  peek(): { id: string; key: number } | undefined {
    this.dropStale();
    const top = this.heap[0];
    return top ? { id: top.id, key: top.key + this.offset } : undefined;
  }

  /**
   * Whether the top may have crossed at `price`: for 'desc' (fires at price <= key),
   * price <= key·(1+ε); for 'asc' (fires at price >= key), price >= key·(1-ε).
   */
  topMayCross(price: number): boolean {
    // Not through peek(): asked of eight heaps every tick, its object was most of a quiet tick's garbage.
    this.dropStale();
    const top = this.heap[0];
    return top !== undefined && crossed(this.order, price, top.key + this.offset);
  }

  /**
   * Every live id whose float key may have crossed at `price`, in trigger order (the one the
   * price reached first on its way comes first). Does not remove them.
   */
  candidates(price: number, limit = Number.POSITIVE_INFINITY): string[] {
    const out: string[] = [];
    if (!this.topMayCross(price)) return out;
    // Walk the heap as a tree, only into subtrees whose root may cross (heap property).
    const stack = [0];
    const found: Entry[] = [];
    while (stack.length > 0) {
      const i = stack.pop()!;
      const e = this.heap[i];
      if (!e || !crossed(this.order, price, e.key + this.offset)) continue;
      if (this.live.get(e.id) === e) found.push(e);
      stack.push(2 * i + 1, 2 * i + 2);
    }
    found.sort((a, b) => this.before(a, b) ? -1 : 1);
    for (const e of found) {
      if (out.length >= limit) break;
      out.push(e.id);
    }
    return out;
  }

  /** The live entries as stored (key before the shift) and the shift: restores this heap exactly. */
  exportData(): HeapData {
    return drain(this.exportDataSteps(NEVER));
  }

  /** exportData pausing every `every` items (a heap of 100,000 liquidation prices held main ~30 ms in one piece). */
  *exportDataSteps(every: number): Generator<void, HeapData> {
    const items: Array<[string, number]> = [];
    for (const [id, e] of this.live) {
      items.push([id, e.key]);
      if (items.length % every === 0) yield;
    }
    return { offset: this.offset, items };
  }

  /** exportData without building it: the shift, and the live items read lazily (the heap must not change meanwhile). */
  exportSource(): HeapSource {
    const live = this.live;
    return {
      offset: this.offset,
      items: (function* () {
        for (const [id, e] of live) yield [id, e.key] as const;
      })(),
    };
  }

  /** Replaces the content with exported data (O(n)). */
  importData(data: HeapData): void {
    const steps = this.importDataSteps(data, Number.MAX_SAFE_INTEGER);
    while (!steps.next().done);
  }

  /**
   * importData pausing every `every` items and sift-downs: a reopen's heap of 100,000 liquidation
   * prices took ~200 ms in one piece on main. The heap answers nothing until the generator ends.
   */
  *importDataSteps(data: HeapSource, every: number): Generator<void, void> {
    this.clear();
    this.offset = data.offset;
    let n = 0;
    for (const [id, key] of data.items) {
      const e = { key, id, seq: ++this.seq };
      this.live.set(id, e);
      this.heap.push(e);
      if (++n % every === 0) yield;
    }
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) {
      this.siftDown(i);
      if (++n % every === 0) yield;
    }
  }

  /** Live ids in heap order (for tests and rebuilds); O(n log n). */
  ids(): string[] {
    const entries = this.heap.filter((e) => this.live.get(e.id) === e);
    entries.sort((a, b) => (this.before(a, b) ? -1 : 1));
    return entries.map((e) => e.id);
  }

  /**
   * Heap order: key, then id. Never insertion order: a heap rebuilt from a snapshot must nominate
   * equal keys in the same order as the one that lived through the events (determinism).
   */
  private before(a: Entry, b: Entry): boolean {
    if (a.key !== b.key) return this.order === 'desc' ? a.key > b.key : a.key < b.key;
    if (a.id !== b.id) return a.id < b.id;
    return a.seq < b.seq;
  }

  private dropStale(): void {
    while (this.heap.length > 0) {
      const top = this.heap[0]!;
      if (this.live.get(top.id) === top) return;
      const last = this.heap.pop()!;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        this.siftDown(0);
      }
    }
  }

  private compact(): void {
    this.heap = this.heap.filter((e) => this.live.get(e.id) === e);
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private siftUp(i: number): void {
    const h = this.heap;
    const e = h[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(e, h[p]!)) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = e;
  }

  private siftDown(i: number): void {
    const h = this.heap;
    const n = h.length;
    const e = h[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.before(h[r]!, h[l]!) ? r : l;
      if (!this.before(h[c]!, e)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = e;
  }
}

export function crossed(order: HeapOrder, price: number, key: number): boolean {
  return order === 'desc' ? price <= key + Math.abs(key) * REL_EPS : price >= key - Math.abs(key) * REL_EPS;
}
