import { radixOrder, radixOrderSteps } from '../index/radix-order';
import type { AccountId } from '../model/ids';

/**
 * Every account id seen so far, numbered in string order (UTF-16 code units, as `<` compares),
 * so an ordering can break ties by id with an integer instead of comparing 100,000 strings per
 * query. Ids are only added: a closed position's id keeps its number, which still orders it
 * correctly among the rest. Ids new since the last call are sorted alone and merged in.
 */
export class IdRanks {
  private sorted: AccountId[] = [];
  private ranks = new Map<AccountId, number>();
  private lastOrder: { key: string; byId: Uint32Array } | null = null;

  /**
   * The rows' indices in id order, kept for the next call with the same `key` (the caller's
   * promise that the rows are the same ids in the same order: the liquidation index's version,
   * the market and the filter). A quiet tick re-sorts the Market tab by a mark-moving key
   * without looking 100,000 ids up again. Read-only for the caller.
   */
  orderById(key: string, ids: readonly AccountId[]): Uint32Array {
    if (this.lastOrder?.key !== key || this.lastOrder.byId.length !== ids.length) this.lastOrder = { key, byId: radixOrder(this.ranksOf(ids)) };
    return this.lastOrder.byId;
  }

  /**
   * orderById's work for `key` done beforehand in steps of `every` ids, for ids numbered already
   * (numberSteps): the next orderById with the same key and ids finds it. Gives up, leaving the
   * work to orderById, when an id is not numbered or the numbering changes meanwhile.
   */
  *orderByIdSteps(key: string, ids: readonly AccountId[], every: number): Generator<void, void> {
    if (this.lastOrder?.key === key && this.lastOrder.byId.length === ids.length) return;
    // Numbering anew (numberSteps, merge) always replaces `sorted`.
    const numbering = this.sorted;
    const ranks = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const r = this.ranks.get(ids[i]!);
      if (r === undefined) return;
      ranks[i] = r;
      if ((i + 1) % every === 0) {
        yield;
        if (this.sorted !== numbering) return;
      }
    }
    yield;
    if (this.sorted !== numbering) return;
    const byId = yield* radixOrderSteps(ranks);
    if (this.sorted !== numbering) return;
    this.lastOrder = { key, byId };
  }

  /** The rank of each id (ids must be distinct), numbering any new ones first. */
  ranksOf(ids: readonly AccountId[]): Float64Array {
    const out = new Float64Array(ids.length);
    let fresh: AccountId[] | null = null;
    for (let i = 0; i < ids.length; i++) {
      const r = this.ranks.get(ids[i]!);
      if (r === undefined) (fresh ??= []).push(ids[i]!);
      else out[i] = r;
    }
    if (!fresh) return out;
    this.merge(fresh.sort());
    for (let i = 0; i < ids.length; i++) out[i] = this.ranks.get(ids[i]!)!;
    return out;
  }

  /**
   * Numbers the ids not numbered yet a slice of `every` at a time (a session's first Market page:
   * 100,000 ids at once held main ~130 ms; the sort of the new ones stays one piece, ~35 ms). The
   * new numbering replaces the old one at the end, so a ranksOf between two slices sees a whole
   * one; if such a call numbered ids meanwhile, this one is dropped (that call's is whole too).
   */
  *numberSteps(ids: Iterable<AccountId>, every: number): Generator<void, void> {
    const old = this.sorted;
    const fresh: AccountId[] = [];
    let n = 0;
    for (const id of ids) {
      if (!this.ranks.has(id)) fresh.push(id);
      if (++n % every === 0) yield;
    }
    if (fresh.length === 0) return;
    fresh.sort();
    yield;
    const all = merged(old, fresh);
    const ranks = new Map<AccountId, number>();
    for (let k = 0; k < all.length; k++) {
      ranks.set(all[k]!, k);
      if ((k + 1) % every === 0) yield;
    }
    if (this.sorted !== old) return;
    this.sorted = all;
    this.ranks = ranks;
    this.lastOrder = null;
  }

  private merge(fresh: readonly AccountId[]): void {
    const all = merged(this.sorted, fresh);
    this.sorted = all;
    for (let k = 0; k < all.length; k++) this.ranks.set(all[k]!, k);
  }
}

/** Two sorted lists of distinct ids as one. */
function merged(old: readonly AccountId[], fresh: readonly AccountId[]): AccountId[] {
  const all: AccountId[] = new Array<AccountId>(old.length + fresh.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < all.length; k++) all[k] = j >= fresh.length || (i < old.length && old[i]! < fresh[j]!) ? old[i++]! : fresh[j++]!;
  return all;
}
