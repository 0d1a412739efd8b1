import type { Side } from '#shared/domain/exchange';
import { ZERO, toWire, type Dec } from '#shared/money/decimal';
import type { Position } from '../model/account';
import { LIQUIDITY_ID, type AccountId } from '../model/ids';
import type { CrowdTotals } from './crowd-page';

/**
 * The Market tab's header sums (crowd-page.ts crowdTotals) kept up to date from one call to the
 * next: a call walks the positions and adds or subtracts only those whose quantity or side
 * changed since, found by the identity of their quantity (decimals are immutable: a changed
 * quantity is a new object). Summing 100,000 decimals afresh held main 40-75 ms after every
 * change of the positions (a funding settlement re-solving a few, a liquidation); the walk is a
 * map lookup per position. Exact: the sums are the same decimals, moved by exact differences.
 */
export class CrowdTotalsTracker {
  private readonly seen = new Map<AccountId, { readonly qty: Dec; readonly side: Side }>();
  private longs = 0;
  private shorts = 0;
  private longQty = ZERO;
  private shortQty = ZERO;

  /** The totals of `positions` (one market's, the liquidity account's excluded). */
  update(positions: ReadonlyMap<AccountId, Position>): CrowdTotals {
    let present = 0;
    for (const [id, p] of positions) {
      if (id === LIQUIDITY_ID) continue;
      present += 1;
      const before = this.seen.get(id);
      if (before !== undefined && before.qty === p.qty && before.side === p.side) continue;
      if (before !== undefined) this.take(before.side, before.qty, -1);
      this.take(p.side, p.qty, 1);
      this.seen.set(id, { qty: p.qty, side: p.side });
    }
    // Some positions seen before are gone (closed or liquidated): find them.
    if (this.seen.size !== present) {
      for (const [id, before] of this.seen) {
        if (positions.has(id)) continue;
        this.take(before.side, before.qty, -1);
        this.seen.delete(id);
      }
    }
    return { longs: this.longs, shorts: this.shorts, longQuantity: toWire(this.longQty), shortQuantity: toWire(this.shortQty) };
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
