import { ColumnReserve, grown, textColumn } from './segment-columns';
import { oldestHalfCut } from './segment-cut';

/**
 * What the heatmap records: each liquidation level or stop as a segment of time during which it
 * stood unchanged. A position that changes (a fill, a partial liquidation, new margin) closes its
 * segment and opens another; one that goes away closes it. Any grid, at any zoom, is then a sum
 * over segments, and any past moment's exact levels are the segments alive then.
 *
 * Columns are typed arrays (grown by doubling, then straight to the capacity); the exact liquidation price is kept as text beside
 * them for exact bin edges and hover values. Memory is bounded: past `capacity` segments, the
 * oldest closed ones are dropped (the heatmap forgets the distant past first).
 */

/** 0: a long's liquidation, 1: a short's, 2: a resting stop's trigger. */
export type SegmentKind = 0 | 1 | 2;
export const KIND_LONG: SegmentKind = 0;
export const KIND_SHORT: SegmentKind = 1;
export const KIND_STOP: SegmentKind = 2;
const DEAD = 255;

/** One level as read from the engine (or the estimate): where, how much, whose. */
export interface HeatRow {
  readonly kind: SegmentKind;
  readonly price: number;
  /** The exact price (liquidation price or trigger) as decimal text. */
  readonly priceText: string;
  /** Quantity in steps of the contract (an integer, so sums in binary64 stay exact). */
  readonly qtySteps: number;
  readonly leverage: number;
  readonly cross: boolean;
  readonly mine: boolean;
}

/** A change since the last drain: a segment opened (+1), closed (-1) or removed unseen (0: opened and closed at the same time). */
export interface SegmentChange {
  readonly index: number;
  readonly op: 1 | -1 | 0;
  readonly t: number;
  readonly kind: SegmentKind;
}

/** A store's content as plain columns (a worker's rebuilt history crosses threads this way). */
export interface StoreParts {
  readonly n: number;
  readonly tFrom: Float64Array;
  readonly tTo: Float64Array;
  readonly price: Float64Array;
  readonly qtySteps: Float64Array;
  readonly leverage: Float32Array;
  readonly kind: Uint8Array;
  readonly cross: Uint8Array;
  readonly mine: Uint8Array;
  readonly priceText: readonly string[];
  /** Open segments by key (indexes into the columns). */
  readonly open: ReadonlyArray<readonly [string, readonly number[]]>;
  readonly dropped: number;
  readonly horizon: number;
}

/**
 * Past this many rows a store grows straight to its capacity instead of doubling: copying 1M rows
 * of eight columns into arrays twice as long held main's thread 50-80 ms during a long replay,
 * while reserving the capacity costs address space only (zero pages are mapped as rows are written).
 */
export const RESERVE_AT = 65_536;

export class SegmentStore {
  private n = 0;
  private cap: number;
  tFrom: Float64Array;
  tTo: Float64Array;
  price: Float64Array;
  qtySteps: Float64Array;
  leverage: Float32Array;
  kind: Uint8Array;
  cross: Uint8Array;
  mine: Uint8Array;
  /** Sized to the capacity as the numeric columns are (segment-columns.ts): appends never copy it. */
  priceText: string[];
  private readonly openByKey = new Map<string, number[]>();
  private readonly reserve = new ColumnReserve();
  private changes: SegmentChange[] = [];
  /** compact()'s renumbering, kept between compactions (its pages stay mapped). */
  private remap = new Int32Array(0);
  /** Total segments dropped by compaction (the recorded history starts later than the replay). */
  dropped = 0;
  /** Earliest time the store still covers completely. */
  horizon = Number.NEGATIVE_INFINITY;

  constructor(
    readonly capacity = 2_000_000,
    initial = 4096,
  ) {
    this.cap = initial;
    this.priceText = textColumn([], 0, initial);
    this.tFrom = new Float64Array(initial);
    this.tTo = new Float64Array(initial);
    this.price = new Float64Array(initial);
    this.qtySteps = new Float64Array(initial);
    this.leverage = new Float32Array(initial);
    this.kind = new Uint8Array(initial);
    this.cross = new Uint8Array(initial);
    this.mine = new Uint8Array(initial);
  }

  get size(): number {
    return this.n;
  }

  get openKeys(): number {
    return this.openByKey.size;
  }

  isLive(i: number): boolean {
    return this.kind[i] !== DEAD;
  }

  /** Alive at t: opened at or before t and not yet closed at t. */
  aliveAt(i: number, t: number): boolean {
    return this.kind[i] !== DEAD && this.tFrom[i]! <= t && this.tTo[i]! > t;
  }

  /**
   * The levels a key (a position, or the trader's order) stands for from t on. Unchanged rows keep
   * their open segment (no churn when an account is refreshed without a real change).
   */
  replace(key: string, rows: readonly HeatRow[], t: number): void {
    // Room first: a growth at capacity compacts, which renumbers segments, so none may happen
    // while this key's indexes are in hand.
    while (this.n + rows.length > this.cap) this.grow();
    const open = this.openByKey.get(key) ?? [];
    if (open.length === 1 && rows.length === 1) {
      // A position's one level, re-read (after each funding settlement, for every position): its
      // list is updated in place. A new list per read outlived young collections and died in the
      // old generation, ~50 MB per 20 s of a fast 100,000-trader replay.
      const i = open[0]!;
      if (this.same(i, rows[0]!)) return;
      this.close(i, t);
      open[0] = this.open(rows[0]!, t);
      return;
    }
    const keep: number[] = [];
    const wanted = [...rows];
    for (const i of open) {
      const j = wanted.findIndex((r) => this.same(i, r));
      if (j >= 0) {
        keep.push(i);
        wanted.splice(j, 1);
      } else {
        this.close(i, t);
      }
    }
    for (const r of wanted) keep.push(this.open(r, t));
    if (keep.length > 0) this.openByKey.set(key, keep);
    else this.openByKey.delete(key);
  }

  /** A segment whose whole life is known (the estimate's cohorts): [from, to). */
  addClosed(r: HeatRow, from: number, to: number): void {
    if (!(to > from) || r.qtySteps <= 0) return;
    const i = this.open(r, from);
    this.tTo[i] = to;
  }

  /** Closes every open segment at t (a new engine replaces the old one). */
  closeAll(t: number): void {
    for (const list of this.openByKey.values()) for (const i of list) this.close(i, t);
    this.openByKey.clear();
  }

  /** Forgets everything at or after t (the replay went back): later segments go, spanning ones reopen. */
  truncate(t: number): void {
    this.openByKey.clear();
    for (let i = 0; i < this.n; i++) {
      if (this.kind[i] === DEAD) continue;
      if (this.tFrom[i]! >= t) this.kind[i] = DEAD;
      else if (this.tTo[i]! > t) this.tTo[i] = t;
    }
    this.changes = [];
    this.compact(Number.NEGATIVE_INFINITY);
  }

  clear(): void {
    this.n = 0;
    this.priceText = textColumn([], 0, this.cap);
    this.openByKey.clear();
    this.changes = [];
    this.dropped = 0;
    this.horizon = Number.NEGATIVE_INFINITY;
  }

  /** The content as columns trimmed to the size (copies: the store may go on recording). */
  parts(): StoreParts {
    const n = this.n;
    return {
      n,
      tFrom: this.tFrom.slice(0, n),
      tTo: this.tTo.slice(0, n),
      price: this.price.slice(0, n),
      qtySteps: this.qtySteps.slice(0, n),
      leverage: this.leverage.slice(0, n),
      kind: this.kind.slice(0, n),
      cross: this.cross.slice(0, n),
      mine: this.mine.slice(0, n),
      priceText: this.priceText.slice(0, n),
      open: [...this.openByKey].map(([k, list]) => [k, [...list]] as const),
      dropped: this.dropped,
      horizon: this.horizon,
    };
  }

  /** Replaces the content (a rebuilt history merged in): a compaction for live grids, no pending changes. */
  load(p: StoreParts): void {
    const cap = p.n > RESERVE_AT ? Math.max(this.capacity, p.n) : Math.max(4096, p.n);
    // Columns made ahead are used when they fit and let go when not (up to ~78 MB held otherwise).
    const c = this.reserve.take(cap);
    this.tFrom = grown(p.tFrom.subarray(0, p.n), cap, c?.[0]);
    this.tTo = grown(p.tTo.subarray(0, p.n), cap, c?.[1]);
    this.price = grown(p.price.subarray(0, p.n), cap, c?.[2]);
    this.qtySteps = grown(p.qtySteps.subarray(0, p.n), cap, c?.[3]);
    this.leverage = grown(p.leverage.subarray(0, p.n), cap, c?.[4]);
    this.kind = grown(p.kind.subarray(0, p.n), cap, c?.[5]);
    this.cross = grown(p.cross.subarray(0, p.n), cap, c?.[6]);
    this.mine = grown(p.mine.subarray(0, p.n), cap, c?.[7]);
    this.priceText = textColumn(p.priceText, p.n, cap, c?.[8]);
    this.cap = cap;
    this.n = p.n;
    this.openByKey.clear();
    for (const [k, list] of p.open) this.openByKey.set(k, [...list]);
    this.changes = [];
    this.dropped = p.dropped;
    this.horizon = p.horizon;
    this.compactions += 1;
  }

  /** The changes since the previous call (the live grid applies them). */
  drainChanges(): SegmentChange[] {
    const out = this.changes;
    this.changes = [];
    return out;
  }

  private same(i: number, r: HeatRow): boolean {
    return this.kind[i] === r.kind && this.priceText[i] === r.priceText && this.qtySteps[i] === r.qtySteps && this.leverage[i] === Math.fround(r.leverage) && this.cross[i] === (r.cross ? 1 : 0) && this.mine[i] === (r.mine ? 1 : 0);
  }

  private open(r: HeatRow, t: number): number {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.tFrom[i] = t;
    this.tTo[i] = Number.POSITIVE_INFINITY;
    this.price[i] = r.price;
    this.qtySteps[i] = r.qtySteps;
    this.leverage[i] = r.leverage;
    this.kind[i] = r.kind;
    this.cross[i] = r.cross ? 1 : 0;
    this.mine[i] = r.mine ? 1 : 0;
    this.priceText[i] = r.priceText;
    this.changes.push({ index: i, op: 1, t, kind: r.kind });
    return i;
  }

  private close(i: number, t: number): void {
    if (this.tFrom[i] === t) {
      // Opened and closed at the same moment: it never stood, so it is not history.
      this.changes.push({ index: i, op: 0, t, kind: this.kind[i] as SegmentKind });
      this.kind[i] = DEAD;
      return;
    }
    this.tTo[i] = t;
    this.changes.push({ index: i, op: -1, t, kind: this.kind[i] as SegmentKind });
  }

  private grow(): void {
    if (this.cap >= this.capacity) {
      this.dropOldest();
      if (this.n < this.cap) return;
    }
    const cap = this.nextCap();
    const c = this.reserve.take(cap);
    this.tFrom = grown(this.tFrom, cap, c?.[0]);
    this.tTo = grown(this.tTo, cap, c?.[1]);
    this.price = grown(this.price, cap, c?.[2]);
    this.qtySteps = grown(this.qtySteps, cap, c?.[3]);
    this.leverage = grown(this.leverage, cap, c?.[4]);
    this.kind = grown(this.kind, cap, c?.[5]);
    this.cross = grown(this.cross, cap, c?.[6]);
    this.mine = grown(this.mine, cap, c?.[7]);
    this.priceText = textColumn(this.priceText, this.n, cap, c?.[8]);
    this.cap = cap;
  }

  private nextCap(): number {
    return this.cap < this.capacity && this.cap * 2 > RESERVE_AT ? this.capacity : this.cap * 2;
  }

  /**
   * Makes one column of the next capacity ahead of the growth once the store is half full (the
   * recorder calls it once per slice); false when there is nothing to make. A growth at capacity
   * compacts instead and needs none.
   */
  prepareGrowth(): boolean {
    if (this.n * 2 < this.cap || this.cap >= this.capacity) return false;
    return this.reserve.step(this.nextCap());
  }

  /**
   * At capacity: the older half of the closed segments is dropped, cut at a time found from a
   * histogram of their end times (every segment that ended at or before it goes, at least half of
   * the closed ones). This and compact() run once in a long while over 2,000,000 rows inside one
   * read: a copy of the end times, its median and a fresh renumbering array per compaction held
   * main 130-280 ms (every page of a new 8-16 MB array is a page fault on this machine).
   */
  private dropOldest(): void {
    const before = oldestHalfCut(this.n, this.kind, this.tTo, DEAD);
    if (before !== null) this.compact(before);
  }

  /** Removes dead segments and closed ones that ended at or before `before`, keeping indexes of open keys right. */
  private compact(before: number): void {
    const n = this.n;
    const { tFrom, tTo, price, qtySteps, leverage, kind, cross, mine, priceText } = this;
    // Every row's new index (-1: gone) is written, so nothing of a previous compaction is read.
    if (this.remap.length < n) this.remap = new Int32Array(this.capacity > n ? this.capacity : n);
    const remap = this.remap;
    let w = 0;
    let dropped = 0;
    for (let i = 0; i < n; i++) {
      if (kind[i] === DEAD) {
        remap[i] = -1;
        continue;
      }
      if (tTo[i]! <= before) {
        remap[i] = -1;
        dropped += 1;
        continue;
      }
      remap[i] = w;
      if (w !== i) {
        tFrom[w] = tFrom[i]!;
        tTo[w] = tTo[i]!;
        price[w] = price[i]!;
        qtySteps[w] = qtySteps[i]!;
        leverage[w] = leverage[i]!;
        kind[w] = kind[i]!;
        cross[w] = cross[i]!;
        mine[w] = mine[i]!;
        priceText[w] = priceText[i]!;
      }
      w += 1;
    }
    this.n = w;
    this.dropped += dropped;
    // The column keeps its size; the texts of dropped rows are let go.
    priceText.fill('', w, n);
    if (before > this.horizon) this.horizon = before;
    for (const list of this.openByKey.values()) {
      let k = 0;
      for (let j = 0; j < list.length; j++) {
        const r = remap[list[j]!]!;
        if (r >= 0) list[k++] = r;
      }
      list.length = k;
    }
    // Pending changes refer to old indexes; the live grid is rebuilt after a compaction.
    this.changes = [];
    this.compactions += 1;
  }

  /** Bumped at each compaction: a live grid built before must be rebuilt. */
  compactions = 0;
}
