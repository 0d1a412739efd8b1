import type { Side } from '#shared/domain/exchange';
import type { Dec } from '#shared/money/decimal';
import { adlScoreApprox } from '#shared/risk/adl-ranking';
import type { AccountId } from '../model/ids';
import type { LiquidationIndex } from './liquidation-index';

/** A position scored for auto-deleveraging: binary64 score (for the heap) and exact score (for the order). */
export interface ScoredEntry {
  readonly account: AccountId;
  /** binary64 score (-Infinity: no bankruptcy price). */
  readonly score: number;
  /** The risk core's exact score (null: none, ranked last). */
  readonly exact: Dec | null;
  /** The position's quantity and cost basis the exact score was taken from (identity-checked by the reader). */
  readonly qty: Dec;
  readonly entryValue: Dec;
  readonly entryPrice: Dec;
}

/** Scores one account's position on the ranked side, as it is now (null: none there). */
export type Scorer = (account: AccountId) => ScoredEntry | null;

interface FloatEntry {
  readonly account: AccountId;
  readonly score: number;
}

/** The ADL order: highest exact score first, ties by account id (a total order). */
export function rankedBefore(a: ScoredEntry, b: ScoredEntry): boolean {
  if (a.exact !== b.exact) {
    if (a.exact === null) return false;
    if (b.exact === null) return true;
    const c = a.exact.comparedTo(b.exact);
    if (c !== 0) return c > 0;
  }
  return a.account < b.account;
}

function floatBefore(a: FloatEntry, b: FloatEntry): boolean {
  return a.score > b.score || (a.score === b.score && a.account < b.account);
}

/**
 * Two binary64 scores this far apart are ordered the same way by the exact scores: the float
 * score is within 1e-12 relative of the exact one (shared/risk/adl-ranking, tested; near zero an
 * absolute ~1e-14 × leverage ≤ 1.25e-12). A tenfold margin on both.
 */
function clearlyAbove(a: number, b: number): boolean {
  if (b === Number.NEGATIVE_INFINITY) return a !== b;
  return a - b > 1e-11 * Math.max(Math.abs(a), Math.abs(b)) + 1.25e-11;
}

/**
 * One side of one market in ADL order, built lazily. Binary64 scores of every entry go into a
 * heap (O(n)); the order is drawn from it only as far as auto-deleveraging reads it, one band at
 * a time: a band is a run of float scores too close to be sure of their exact order, which is
 * scored exactly and sorted (exact score, then account id). Bands are separated by gaps the float
 * error cannot bridge, so the prefix drawn is exactly the exact order of the side. Entries changed
 * since the build (the liquidation index reports them) are skipped in the prefix and merged in,
 * freshly scored, at read time; too many of them and the ranking is built again.
 */
class SideRanking {
  private readonly heap: FloatEntry[];
  private readonly prefix: ScoredEntry[] = [];
  /** Accounts whose entry changed since the build: their heap copy is stale. */
  readonly changed = new Set<AccountId>();
  /** Changed accounts not yet re-scored into `fresh`. */
  private readonly pending = new Set<AccountId>();
  /** The changed accounts' current scores, in ADL order, and by account. */
  private readonly fresh: ScoredEntry[] = [];
  private readonly freshOf = new Map<AccountId, ScoredEntry>();
  /** Prefix entries before this index are all changed (skipped for good). */
  private head = 0;

  constructor(
    liq: LiquidationIndex,
    symbol: string,
    side: Side,
    readonly markF: number,
    readonly markKey: string,
  ) {
    const heap: FloatEntry[] = [];
    for (const [account, e] of liq.symbolEntries(symbol)) {
      if (e.side !== side) continue;
      heap.push({ account, score: adlScoreApprox(side, e.qtyF, e.entryF, markF, e.bankruptcyF) ?? Number.NEGATIVE_INFINITY });
    }
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i);
    this.heap = heap;
  }

  get size(): number {
    return this.heap.length + this.prefix.length;
  }

  /** The side's positions in exact ADL order, as they are now. Stop reading early: the rest is never scored. */
  *entries(score: Scorer): Generator<ScoredEntry> {
    this.updateFresh(score);
    const fresh = this.fresh;
    // Changed entries stay changed for the ranking's life: the prefix's changed head is passed once.
    while (this.head < this.prefix.length && this.changed.has(this.prefix[this.head]!.account)) this.head++;
    let f = 0;
    let i = this.head;
    for (;;) {
      while (i < this.prefix.length && this.changed.has(this.prefix[i]!.account)) i++;
      if (i === this.prefix.length && this.drawBand(score)) continue;
      const old = i < this.prefix.length ? this.prefix[i]! : null;
      const nf = f < fresh.length ? fresh[f]! : null;
      if (!old && !nf) return;
      if (old && (!nf || rankedBefore(old, nf))) {
        i++;
        yield old;
      } else {
        f++;
        yield nf!;
      }
    }
  }

  /** Marks an account's entry as changed: its heap copy is ignored, its fresh score taken at the next read. */
  touch(account: AccountId): void {
    this.changed.add(account);
    this.pending.add(account);
  }

  /** Re-scores the accounts changed since the last read into the sorted fresh list (binary search in and out). */
  private updateFresh(score: Scorer): void {
    if (this.pending.size === 0) return;
    const fresh = this.fresh;
    for (const account of this.pending) {
      const old = this.freshOf.get(account);
      if (old) {
        fresh.splice(lowerBound(fresh, old), 1);
        this.freshOf.delete(account);
      }
      const r = score(account);
      if (r) {
        fresh.splice(lowerBound(fresh, r), 0, r);
        this.freshOf.set(account, r);
      }
    }
    this.pending.clear();
  }

  /** Moves the next band from the heap to the prefix, exactly ordered. False when the heap is empty. */
  private drawBand(score: Scorer): boolean {
    const band: ScoredEntry[] = [];
    let last: FloatEntry | null = null;
    while (this.heap.length > 0 && (last === null || !clearlyAbove(last.score, this.heap[0]!.score))) {
      last = this.pop();
      // Changed entries are merged from their fresh score; their heap copy is dropped.
      if (this.changed.has(last.account)) continue;
      const r = score(last.account);
      if (r) band.push(r);
    }
    band.sort((a, b) => (rankedBefore(a, b) ? -1 : 1));
    for (const r of band) this.prefix.push(r);
    return last !== null;
  }

  private pop(): FloatEntry {
    const h = this.heap;
    const top = h[0]!;
    const end = h.pop()!;
    if (h.length > 0) {
      h[0] = end;
      siftDown(h, 0);
    }
    return top;
  }
}

/** The first index whose entry is not ranked before `x` (where x is, or goes, in a sorted list). */
function lowerBound(list: readonly ScoredEntry[], x: ScoredEntry): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rankedBefore(list[mid]!, x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function siftDown(h: FloatEntry[], i: number): void {
  const n = h.length;
  const x = h[i]!;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && floatBefore(h[r]!, h[l]!) ? r : l;
    if (!floatBefore(h[c]!, x)) break;
    h[i] = h[c]!;
    i = c;
  }
  h[i] = x;
}

/**
 * The ADL rankings of the markets, kept for as long as they are cheap to keep exact: a ranking
 * is valid while its market's mark is the one it was scored at; the liquidation index reports
 * every entry that changes, and those are merged in at read time. Auto-deleveraging during a
 * cascade thus ranks a side once per mark instead of once per liquidation (issue 10, item 6).
 * Derived data: cleared with the other indexes, never serialised.
 */
export class AdlRankingIndex {
  private readonly rankings = new Map<string, SideRanking>();

  constructor(private readonly liq: LiquidationIndex) {
    liq.watch((symbol, account) => {
      // No ranking kept (no ADL yet: every crowd opening): nothing to touch, no keys to build.
      if (this.rankings.size === 0) return;
      this.rankings.get(`${symbol}|long`)?.touch(account);
      this.rankings.get(`${symbol}|short`)?.touch(account);
    });
  }

  /** The side's positions in exact ADL order at this mark (highest score first, ties by account id). */
  ranked(symbol: string, side: Side, markF: number, mark: Dec, score: Scorer): Iterable<ScoredEntry> {
    const key = `${symbol}|${side}`;
    const markKey = mark.toString();
    let r = this.rankings.get(key);
    // Merging a few changed entries is cheap; once they are a sizeable share, start afresh.
    if (!r || r.markF !== markF || r.markKey !== markKey || r.changed.size > 64 + (r.size >> 3)) {
      r = new SideRanking(this.liq, symbol, side, markF, markKey);
      this.rankings.set(key, r);
    }
    return r.entries(score);
  }

  clear(): void {
    this.rankings.clear();
  }
}
