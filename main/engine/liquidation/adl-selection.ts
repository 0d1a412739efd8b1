import type { Side } from '#shared/domain/exchange';
import { ZERO, type Dec } from '#shared/money/decimal';
import { adlScoreApprox } from '#shared/risk/adl-ranking';
import { bitmexAdlScore } from '#shared/risk/index';
import type { ScoredEntry } from '../index/adl-ranking-index';
import type { EngineContext } from '../context';
import { entryPrice, type Position } from '../model/account';
import type { AccountId } from '../model/ids';
import type { MarketState } from '../model/market';
import { refreshNow } from '../risk/refresh';

export interface RankedPosition {
  readonly account: AccountId;
  readonly position: Position;
  /** binary64 score for ranking (null: no bankruptcy price, ranked last). */
  readonly approx: number | null;
}

/**
 * Every position on one side of a market ranked by ADL score, highest first (ties by account
 * id): the order auto-deleveraging would take them in. A full sort: the reference selection
 * below uses it at every ADL event.
 */
export function rankSide(ctx: EngineContext, m: MarketState, side: Side, exclude?: AccountId): RankedPosition[] {
  const out: RankedPosition[] = [];
  const markF = m.markF;
  const positions = ctx.idx.positionsIn(m.symbol);
  // Every trader position has a risk entry (refreshed before any trigger runs) with float copies.
  for (const [id, e] of ctx.idx.liq.symbolEntries(m.symbol)) {
    if (e.side !== side || id === exclude) continue;
    const p = positions.get(id);
    if (!p) continue;
    out.push({ account: id, position: p, approx: adlScoreApprox(side, e.qtyF, e.entryF, markF, e.bankruptcyF) });
  }
  out.sort((a, b) => {
    const sa = a.approx ?? Number.NEGATIVE_INFINITY;
    const sb = b.approx ?? Number.NEGATIVE_INFINITY;
    if (sa !== sb) return sb - sa;
    return a.account < b.account ? -1 : a.account > b.account ? 1 : 0;
  });
  return out;
}

/** Whether closing this position at `price` would realise a loss (exact). */
function losesAt(p: Position, price: Dec): boolean {
  const entry = entryPrice(p);
  return p.side === 'long' ? price.lt(entry) : price.gt(entry);
}

/** Whether the next score still ties the last one taken (float ranking: a relative hair). */
function ties(score: number | null, boundary: number | null): boolean {
  const s = score ?? Number.NEGATIVE_INFINITY;
  return boundary !== null && !(Math.abs(s - boundary) > Math.abs(boundary) * 1e-9 + 1e-12);
}

/**
 * Takes positions in ranking order, skipping those the ADL price would leave at a loss (closing
 * one at a loss could take it below zero, which non-recourse forbids), until they cover the
 * quantity, plus every further one whose float score ties the last one taken.
 */
function takePrefix(ranked: Iterable<RankedPosition>, qty: Dec, price: Dec): RankedPosition[] {
  const chosen: RankedPosition[] = [];
  let covered = ZERO;
  let boundary: number | null = null;
  for (const r of ranked) {
    if (covered.gte(qty) && !ties(r.approx, boundary)) break;
    if (losesAt(r.position, price)) continue;
    chosen.push(r);
    covered = covered.plus(r.position.qty);
    boundary = r.approx ?? Number.NEGATIVE_INFINITY;
  }
  return chosen;
}

/**
 * The reference selection (the original implementation, kept as the test oracle of the indexed
 * one): re-solves the side's funding-stale entries, ranks the whole side, filters out the
 * positions the price leaves at a loss and takes the covering prefix. O(n log n) decimal-free
 * sorting plus O(n) exact comparisons at every ADL event.
 */
export function referenceSelection(ctx: EngineContext, m: MarketState, side: Side, exclude: AccountId, qty: Dec, price: Dec): RankedPosition[] {
  const stale: string[] = [];
  for (const [id, e] of ctx.idx.liq.symbolEntries(m.symbol)) if (e.side === side && id !== exclude && ctx.idx.liq.isStale(e)) stale.push(id);
  refreshNow(ctx, stale);
  const ranked = rankSide(ctx, m, side, exclude).filter((r) => !losesAt(r.position, price));
  return takePrefix(ranked, qty, price);
}

/**
 * The same choice from the ranking index (index/adl-ranking-index.ts): the side is scanned for
 * stale entries once per funding epoch (not at every event), and the exact order is read only as
 * far as the quantity goes. The reference takes a float prefix plus its float ties and lets the
 * exact order decide within them; the positions it then closes are the top of the side's exact
 * order, because a float score is far closer to the exact one than the tie band is wide (see
 * clearlyAbove). So this returns exactly the positions the reference closes, in the order it
 * closes them (tested by comparing state hashes on crowds where ADL happens).
 */
export function indexedSelection(ctx: EngineContext, m: MarketState, side: Side, exclude: AccountId, qty: Dec, price: Dec): RankedPosition[] {
  const liq = ctx.idx.liq;
  if (!liq.sideFresh(m.symbol, side)) {
    const stale: string[] = [];
    let excludedStale = false;
    for (const [id, e] of liq.symbolEntries(m.symbol)) {
      if (e.side !== side || !liq.isStale(e)) continue;
      if (id === exclude) excludedStale = true;
      else stale.push(id);
    }
    refreshNow(ctx, stale);
    if (!excludedStale) liq.markSideFresh(m.symbol, side);
  }
  const positions = ctx.idx.positionsIn(m.symbol);
  const mark = m.mark;
  const scorer = (account: AccountId): ScoredEntry | null => {
    const e = liq.get(account, m.symbol);
    const p = positions.get(account);
    if (!e || e.side !== side || !p) return null;
    const entry = entryPrice(p);
    return {
      account,
      score: adlScoreApprox(side, e.qtyF, e.entryF, m.markF, e.bankruptcyF) ?? Number.NEGATIVE_INFINITY,
      exact: bitmexAdlScore(p.side, p.qty, entry, mark, e.bankruptcy, m.spec.settlement, m.spec.contractSize),
      qty: p.qty,
      entryValue: p.entryValue,
      entryPrice: entry,
    };
  };
  const chosen: RankedPosition[] = [];
  let covered = ZERO;
  for (const r of ctx.idx.adl.ranked(m.symbol, side, m.markF, mark, scorer)) {
    if (r.account === exclude) continue;
    const p = positions.get(r.account);
    if (!p || p.side !== side) continue;
    // A position that changed without its risk entry being re-solved (not expected between two
    // ADL events: every cascade step re-solves changed accounts first) has a stale exact score.
    if (p.qty !== r.qty || p.entryValue !== r.entryValue) return referenceSelection(ctx, m, side, exclude, qty, price);
    if (side === 'long' ? price.lt(r.entryPrice) : price.gt(r.entryPrice)) continue;
    chosen.push({ account: r.account, position: p, approx: r.score === Number.NEGATIVE_INFINITY ? null : r.score });
    covered = covered.plus(p.qty);
    if (covered.gte(qty)) break;
  }
  return chosen;
}
