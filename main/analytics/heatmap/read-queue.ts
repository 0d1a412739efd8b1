/**
 * The accounts the heatmap recorder still has to read: single ones (a position changed, oldest
 * first) and whole-market sweeps (a funding settlement moved every margin; a new engine or symbol
 * was attached), whose ids are taken from the market's positions one at a time as the slices
 * read them. Queueing 100,000 ids in a set at once held main ~40 ms after every settlement.
 *
 * An account may be read twice (queued alone and reached by a sweep): reading is idempotent
 * (SegmentStore.replace keeps segments that did not change).
 */
export class ReadQueue {
  private readonly ids = new Set<string>();
  private sweep: { readonly keys: Iterator<string>; readonly skip: string; left: number } | null = null;

  add(id: string): void {
    this.ids.add(id);
  }

  delete(id: string): void {
    this.ids.delete(id);
  }

  /**
   * Every key of `positions` but `skip`, walked lazily (the live map: positions opened meanwhile
   * are reached too, closed ones are not). Replaces a sweep in progress, which it covers.
   */
  addAll(positions: ReadonlyMap<string, unknown>, skip: string): void {
    this.sweep = { keys: positions.keys(), skip, left: positions.size };
  }

  clear(): void {
    this.ids.clear();
    this.sweep = null;
  }

  /** Nothing is queued. */
  get empty(): boolean {
    return this.ids.size === 0 && this.sweep === null;
  }

  /** About how many reads are left (a sweep counts the positions it has not reached yet). */
  get size(): number {
    return this.ids.size + (this.sweep ? Math.max(0, this.sweep.left) : 0);
  }

  /** The next account to read, or undefined when nothing is left. */
  next(): string | undefined {
    for (const id of this.ids) {
      this.ids.delete(id);
      return id;
    }
    const s = this.sweep;
    while (s) {
      const r = s.keys.next();
      s.left -= 1;
      if (r.done) {
        this.sweep = null;
        return undefined;
      }
      if (r.value !== s.skip) return r.value;
    }
    return undefined;
  }
}
