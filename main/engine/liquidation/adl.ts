import type { Side } from '#shared/domain/exchange';
import type { AdlStep } from '#shared/domain/trading-history';
import { Dec, ZERO, toWire } from '#shared/money/decimal';
import { adlQueue, bitmexAdlScore, type AdlCandidate } from '#shared/risk/index';
import { adlScoreApprox } from '#shared/risk/adl-ranking';
import type { EngineContext } from '../context';
import { applyFill } from '../ledger/apply-fill';
import { closingOrderSide, entryPrice, opposite, type Account, type Position } from '../model/account';
import { LIQUIDITY_ID, type AccountId } from '../model/ids';
import type { MarketState } from '../model/market';
import { syncReduceOnly } from '../orders/lifecycle';
import { refreshNow } from '../risk/refresh';

export interface RankedPosition {
  readonly account: AccountId;
  readonly position: Position;
  /** binary64 score for ranking (null: no bankruptcy price, ranked last). */
  readonly approx: number | null;
}

/**
 * Every position on one side of a market ranked by ADL score, highest first (ties by account
 * id): the order auto-deleveraging would take them in, and the basis of the quintile lights.
 * Ranking in binary64 (shared/risk/adl-ranking) keeps this cheap for 100,000 positions.
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

export interface AdlResult {
  readonly steps: readonly AdlStep[];
  /** Realised PnL of the liquidated side over the ADL fills (goes to its escrow). */
  readonly liquidatedRealized: Dec;
  /** What no opposing trader could take: closed against the liquidity account at the same price. */
  readonly backstop: Dec;
  readonly value: Dec;
}

/**
 * Auto-deleveraging: the part of a liquidated position the insurance fund cannot afford to send
 * to the book is closed against the opposing positions with the highest ADL score, all at the
 * liquidated position's bankruptcy price (on the tick grid), with no fee, and only where that
 * price leaves them in profit. The ranking is binary64;
 * the chosen positions (and any whose float score ties the last one) are re-ordered with the
 * exact score from the risk core before the risk core's queue picks the quantities.
 */
export function autoDeleverage(
  ctx: EngineContext,
  m: MarketState,
  liquidated: Account,
  liquidatedSide: Side,
  qty: Dec,
  price: Dec,
  liquidationId: number,
): AdlResult {
  // The ranking must not depend on how recently an entry was solved (a restored engine solves
  // everything at once): re-solve the opposing side's funding-stale entries first.
  const side = opposite(liquidatedSide);
  const stale: string[] = [];
  for (const [id, e] of ctx.idx.liq.symbolEntries(m.symbol)) if (e.side === side && id !== liquidated.id && ctx.idx.liq.isStale(e)) stale.push(id);
  refreshNow(ctx, stale);
  // Only positions the ADL price leaves in profit (or flat) are deleveraged: closing one at a
  // loss could take it below zero, which non-recourse forbids. What they cannot cover goes to
  // the liquidity account (the backstop) at the same price.
  const ranked = rankSide(ctx, m, side, liquidated.id).filter((r) => !losesAt(r.position, price));
  // Take the float prefix that covers the quantity, plus everything tied with its last score.
  const chosen: RankedPosition[] = [];
  let covered = ZERO;
  let boundary: number | null = null;
  for (const r of ranked) {
    if (covered.gte(qty)) {
      const s = r.approx ?? Number.NEGATIVE_INFINITY;
      if (boundary === null || Math.abs(s - boundary) > Math.abs(boundary) * 1e-9 + 1e-12) break;
    }
    chosen.push(r);
    covered = covered.plus(r.position.qty);
    boundary = r.approx ?? Number.NEGATIVE_INFINITY;
  }
  const candidates: AdlCandidate<AccountId>[] = chosen.map((r) => {
    const p = r.position;
    const bp = ctx.idx.liq.get(r.account, m.symbol)?.bankruptcy ?? null;
    const exact = bitmexAdlScore(p.side, p.qty, entryPrice(p), m.mark, bp, m.spec.settlement, m.spec.contractSize);
    return { id: r.account, quantity: p.qty, score: exact ?? new Dec('-1e30') };
  });
  const exactOrder = [...candidates].sort((a, b) => b.score.comparedTo(a.score) || (a.id < b.id ? -1 : 1));
  const fills = adlQueue(exactOrder, qty);
  const steps: AdlStep[] = [];
  let liquidatedRealized = ZERO;
  let left = qty;
  let value = ZERO;
  const closeSide = closingOrderSide(liquidatedSide);
  for (const f of fills) {
    const counter = ctx.state.accounts.get(f.id)!;
    const score = candidates.find((c) => c.id === f.id)!.score;
    const mine = applyFill(ctx, { account: liquidated, market: m, side: closeSide, qty: f.quantity, price, feeRate: null, liquidity: 'adl', orderId: null, liquidationId, escrow: true });
    liquidatedRealized = liquidatedRealized.plus(mine.realized);
    const theirs = applyFill(ctx, {
      account: counter,
      market: m,
      side: closeSide === 'sell' ? 'buy' : 'sell',
      qty: f.quantity,
      price,
      feeRate: null,
      liquidity: 'adl',
      orderId: null,
      liquidationId,
    });
    if (theirs.shortfall.lt(0)) throw new Error(`ADL left ${counter.id} below zero at ${price.toFixed()}: candidates must profit at the ADL price`);
    syncReduceOnly(ctx, counter, m.symbol);
    if (counter.history) ctx.effects.push({ kind: 'position', account: counter.id, symbol: m.symbol });
    steps.push({
      account: counter.id,
      side: opposite(liquidatedSide),
      quantity: toWire(f.quantity),
      price: toWire(price),
      score: score.gt(new Dec('-1e29')) ? toWire(score.toSignificantDigits(12)) : null,
      realizedPnl: toWire(theirs.realized),
    });
    left = left.minus(f.quantity);
    value = value.plus(f.quantity.mul(price));
  }
  let backstop = ZERO;
  if (left.gt(0)) {
    const mm = ctx.state.accounts.get(LIQUIDITY_ID)!;
    const mine = applyFill(ctx, { account: liquidated, market: m, side: closeSide, qty: left, price, feeRate: null, liquidity: 'adl', orderId: null, liquidationId, escrow: true });
    liquidatedRealized = liquidatedRealized.plus(mine.realized);
    applyFill(ctx, { account: mm, market: m, side: closeSide === 'sell' ? 'buy' : 'sell', qty: left, price, feeRate: null, liquidity: 'adl', orderId: null, liquidationId });
    backstop = left;
    value = value.plus(left.mul(price));
  }
  return { steps, liquidatedRealized, backstop, value };
}
