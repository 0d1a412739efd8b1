import type { Side } from '#shared/domain/exchange';
import { ZERO, toWire, type Dec } from '#shared/money/decimal';
import type { Position } from '../model/account';
import { LIQUIDITY_ID, type AccountId } from '../model/ids';
import type { CrowdTotals } from './crowd-page';

/**
 * The Market tab's header sums (crowd-page.ts crowdTotals) kept up to date from one call to the
 * next: a call walks the positions and adds or subtracts only those whose quantity or side
 * changed since, found by the identity of their quantity (decimals are immutable: a changed
 * quantity is a new object). Summing 100,000 decimals afresh held main 50-75 ms after every change
 * of the positions (a funding settlement re-solving a few, a liquidation); the walk is a map lookup
 * per position (~25 ms). Exact: the sums are the same decimals, moved by exact differences.
 *
 * Recording 100,000 quantities the first time costs twice a plain sum, so it is done in steps
 * (buildSteps) while the caller answers with crowdTotals; update() is for a built tracker. Built
 * while the engine moves on, it is still exact: update() compares every position with what was
 * recorded and corrects what changed since.
 */
export class CrowdTotalsTracker {
  /** The quantity each position had at the last call, by side (no wrapper object: the first call fills 100,000). */
  private readonly seen = { long: new Map<AccountId, Dec>(), short: new Map<AccountId, Dec>() };
  private longs = 0;
  private shorts = 0;
  private longQty = ZERO;
  private shortQty = ZERO;
  /** buildSteps has run to its end. */
  built = false;

  /** Records the positions `every` at a time, pausing after each batch (the map may change meanwhile). */
  *buildSteps(positions: ReadonlyMap<AccountId, Position>, every: number): Generator<void, void> {
    let n = 0;
    for (const [id, p] of positions) {
      // An id met twice (closed and opened again meanwhile) is recorded once: update() corrects it.
      if (id !== LIQUIDITY_ID && !this.seen.long.has(id) && !this.seen.short.has(id)) {
        this.take(p.side, p.qty, 1);
        this.seen[p.side].set(id, p.qty);
      }
      if (++n % every === 0) yield;
    }
    this.built = true;
  }

  /** The totals as last recorded, without walking the positions (the caller knows none changed since). */
  current(): CrowdTotals {
    return { longs: this.longs, shorts: this.shorts, longQuantity: toWire(this.longQty), shortQuantity: toWire(this.shortQty) };
  }

  /** The totals of `positions` (one market's, the liquidity account's excluded). */
  update(positions: ReadonlyMap<AccountId, Position>): CrowdTotals {
    let present = 0;
    for (const [id, p] of positions) {
      if (id === LIQUIDITY_ID) continue;
      present += 1;
      const mine = this.seen[p.side];
      const before = mine.get(id);
      if (before === p.qty) continue;
      if (before !== undefined) this.take(p.side, before, -1);
      else {
        // New, or it changed sides.
        const other = p.side === 'long' ? 'short' : 'long';
        const was = this.seen[other].get(id);
        if (was !== undefined) {
          this.take(other, was, -1);
          this.seen[other].delete(id);
        }
      }
      this.take(p.side, p.qty, 1);
      mine.set(id, p.qty);
    }
    // Some positions seen before are gone (closed or liquidated): find them.
    if (this.seen.long.size + this.seen.short.size !== present) {
      for (const side of ['long', 'short'] as const) {
        for (const [id, qty] of this.seen[side]) {
          if (positions.get(id)?.side === side) continue;
          this.take(side, qty, -1);
          this.seen[side].delete(id);
        }
      }
    }
    return this.current();
  }

  private take(side: Side, qty: Dec, sign: 1 | -1): void {
    if (side === 'long') {
      this.longs += sign;
      this.longQty = sign === 1 ? this.longQty.plus(qty) : this.longQty.minus(qty);
    } else {
      this.shorts += sign;
      this.shortQty = sign === 1 ? this.shortQty.plus(qty) : this.shortQty.minus(qty);
    }
  }
}
