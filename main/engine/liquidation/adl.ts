import type { Side } from '#shared/domain/exchange';
import type { AdlStep } from '#shared/domain/trading-history';
import { Dec, ZERO, toWire } from '#shared/money/decimal';
import { adlQueue, bitmexAdlScore, type AdlCandidate } from '#shared/risk/index';
import type { EngineContext } from '../context';
import { applyFill } from '../ledger/apply-fill';
import { closingOrderSide, entryPrice, opposite, type Account } from '../model/account';
import { LIQUIDITY_ID, type AccountId } from '../model/ids';
import type { MarketState } from '../model/market';
import { syncReduceOnly } from '../orders/lifecycle';
import { indexedSelection, referenceSelection } from './adl-selection';

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
  // everything at once): both selections re-solve the opposing side's funding-stale entries first.
  const side = opposite(liquidatedSide);
  const select = ctx.idx.adlSelection === 'reference' ? referenceSelection : indexedSelection;
  const chosen = select(ctx, m, side, liquidated.id, qty, price);
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
