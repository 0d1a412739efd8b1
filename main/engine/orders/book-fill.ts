import type { FillLiquidity } from '#shared/domain/trading-history';
import type { OrderSide } from '#shared/domain/trading-orders';
import { Dec, ZERO, ceilTo, floorTo } from '#shared/money/decimal';
import { walkBook, type WalkFill, type WalkResult } from '../book/walk';
import type { EngineContext } from '../context';
import { applyFill, type FillOutcome, type FillRequest } from '../ledger/apply-fill';
import { closingOrderSide, type Account } from '../model/account';
import { LIQUIDITY_ID } from '../model/ids';
import type { MarketState } from '../model/market';
import { solvePrices } from '../risk/position-risk';
import { marketLookup } from '../risk/refresh';

/**
 * One trade between an account and the outside world behind the book: the account's side with
 * its fee, the liquidity account's opposite side with none. Both land in the ledger.
 */
export function bookFill(
  ctx: EngineContext,
  account: Account,
  m: MarketState,
  side: OrderSide,
  qty: Dec,
  price: Dec,
  feeRate: Dec | null,
  liquidity: FillLiquidity,
  orderId: number | null,
  liquidationId: number | null,
  known?: { readonly value: Dec; readonly opening: FillRequest['opening'] },
): FillOutcome {
  const value = known?.value;
  const out = applyFill(ctx, { account, market: m, side, qty, price, feeRate, liquidity, orderId, liquidationId, value, opening: known?.opening });
  const mm = ctx.state.accounts.get(LIQUIDITY_ID)!;
  applyFill(ctx, {
    account: mm,
    market: m,
    side: side === 'buy' ? 'sell' : 'buy',
    qty,
    price,
    feeRate: null,
    liquidity: liquidity === 'maker' ? 'taker' : 'maker',
    orderId: null,
    liquidationId,
    value,
  });
  return out;
}

export interface TakerResult {
  readonly fills: readonly WalkFill[];
  readonly filled: Dec;
  readonly value: Dec;
  readonly shortfall: Dec;
  /** Why less than asked was filled, when it was. */
  readonly stoppedBy: 'limit' | 'protection' | 'book' | null;
}

/**
 * The worst price a voluntary order may close this account's position at: its bankruptcy price
 * (on the tick grid, toward safety). Beyond it the close would leave a debt the account cannot
 * pay, so the book walk stops there and the rest of the order expires ("price protection");
 * the liquidation engine, which the insurance fund backs, handles the position if the mark gets
 * there. Null when the order does not reduce a position.
 */
export function protectionLimit(ctx: EngineContext, account: Account, m: MarketState, side: OrderSide): Dec | null {
  const pos = account.positions.get(m.symbol);
  if (!pos || closingOrderSide(pos.side) !== side || account.kind === 'liquidity') return null;
  const bp = solvePrices(marketLookup(ctx), account, pos).bankruptcy;
  if (!bp) return null;
  return side === 'sell' ? ceilTo(bp, m.spec.tickSize) : floorTo(bp, m.spec.tickSize);
}

function tighter(side: OrderSide, a: Dec | null, b: Dec | null): Dec | null {
  if (!a) return b;
  if (!b) return a;
  return side === 'buy' ? Dec.min(a, b) : Dec.max(a, b);
}

/** One phase of a taker walk: the closing part (price-protected) or the opening rest. */
export interface TakePhase {
  readonly qty: Dec;
  readonly limit: Dec | null;
  readonly protect: boolean;
  /** The walk this phase makes, on the book as the phase before it left it. */
  readonly walk: WalkResult;
}

/**
 * The walk an order would make now, phase by phase, without changing anything: the closing part
 * first, never past the position's bankruptcy price; the opening rest (if any) up to the order's
 * own limit, on the book the closing walk displaced. A phase that stops short ends the plan.
 * The margin check prices the opening part from this plan, and takeFromBook executes exactly it.
 */
export function planTake(ctx: EngineContext, account: Account, m: MarketState, side: OrderSide, qty: Dec, limit: Dec | null): TakePhase[] {
  const pos = account.positions.get(m.symbol);
  const closing = pos && closingOrderSide(pos.side) === side ? Dec.min(qty, pos.qty) : ZERO;
  const plan: TakePhase[] = [];
  const dir = side === 'buy' ? 1 : -1;
  let quote = m.quote();
  if (closing.gt(0)) {
    const phaseLimit = tighter(side, limit, protectionLimit(ctx, account, m, side));
    const walk = walkBook(quote, side, closing, phaseLimit);
    plan.push({ qty: closing, limit: phaseLimit, protect: true, walk });
    if (walk.filled.lt(closing)) return plan;
    quote = m.quoteAfter(dir, walk.endOffset);
  }
  if (qty.gt(closing)) plan.push({ qty: qty.minus(closing), limit, protect: false, walk: walkBook(quote, side, qty.minus(closing), limit) });
  return plan;
}

/**
 * Takes `qty` from the modeled book for an account's order: executes planTake's phases (or the
 * plan given, already checked). Each band of the walk is one fill; the book is left displaced by
 * how far the walk went.
 */
export function takeFromBook(
  ctx: EngineContext,
  account: Account,
  m: MarketState,
  side: OrderSide,
  qty: Dec,
  limit: Dec | null,
  feeRate: Dec,
  orderId: number | null,
  onFill?: (fill: WalkFill) => void,
  planned?: readonly TakePhase[],
): TakerResult {
  const fills: WalkFill[] = [];
  let filled = ZERO;
  let value = ZERO;
  let shortfall = ZERO;
  let stoppedBy: TakerResult['stoppedBy'] = null;
  for (const phase of planned ?? planTake(ctx, account, m, side, qty, limit)) {
    const walk = phase.walk;
    for (const f of walk.fills) {
      const out = bookFill(ctx, account, m, side, f.qty, f.price, feeRate, 'taker', orderId, null);
      shortfall = shortfall.plus(out.shortfall);
      filled = filled.plus(f.qty);
      value = value.plus(f.qty.mul(f.price));
      fills.push(f);
      onFill?.(f);
    }
    m.displace(side === 'buy' ? 1 : -1, walk.endOffset);
    if (walk.filled.lt(phase.qty)) {
      stoppedBy = phase.protect && phase.limit && (!limit || !phase.limit.eq(limit)) ? 'protection' : phase.limit ? 'limit' : 'book';
      break;
    }
  }
  return { fills, filled, value, shortfall, stoppedBy };
}
