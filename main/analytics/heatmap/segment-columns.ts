/**
 * The segment store's columns (segments.ts): eight numeric ones and the prices' texts, grown
 * together. A column is made at the store's next capacity; past 65,536 rows that is the whole
 * capacity at once, so appends never copy a column again.
 */
export type Columns = [Float64Array, Float64Array, Float64Array, Float64Array, Float32Array, Uint8Array, Uint8Array, Uint8Array, string[]];

const f64 = (k: number): Float64Array => new Float64Array(k);
const u8 = (k: number): Uint8Array => new Uint8Array(k);
const MAKERS: ReadonlyArray<(cap: number) => Columns[number]> = [f64, f64, f64, f64, (k) => new Float32Array(k), u8, u8, u8, (k) => new Array<string>(k)];

/**
 * The columns of the store's next capacity, made one per call ahead of the growth that needs
 * them (SegmentStore.prepareGrowth). Made all at once, a 100,000-trader session's jump to
 * 2,000,000 rows registered ~78 MB of new buffers in one slice of the recorder, and the
 * collections V8 ran for them held main ~40 ms with the copy; one per slice spreads that over nine.
 */
export class ColumnReserve {
  private cap = 0;
  private made: Array<Columns[number]> = [];

  /** Makes the next missing column for `cap`; false once all are made. */
  step(cap: number): boolean {
    if (cap !== this.cap) {
      this.cap = cap;
      this.made = [];
    }
    if (this.made.length === MAKERS.length) return false;
    this.made.push(MAKERS[this.made.length]!(cap));
    return true;
  }

  /**
   * The columns made for `cap` when all are there, else null; either way the reserve is emptied
   * (a growth or a load at another capacity must not leave columns held for nothing).
   */
  take(cap: number): Columns | null {
    const out = cap === this.cap && this.made.length === MAKERS.length ? (this.made as Columns) : null;
    this.made = [];
    this.cap = 0;
    return out;
  }
}

/** A numeric column of `cap` rows holding `a`'s (in `ready` when it was made ahead). */
export function grown<T extends Float64Array | Float32Array | Uint8Array>(a: T, cap: number, ready?: T): T {
  const b = ready ?? new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

/** A texts column of `cap` slots holding the first `n` of `from` (a fixed size: appends never copy it). */
export function textColumn(from: readonly string[], n: number, cap: number, ready?: string[]): string[] {
  const out = ready ?? new Array<string>(cap);
  for (let i = 0; i < n; i++) out[i] = from[i]!;
  return out;
}
