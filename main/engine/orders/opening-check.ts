import type { OrderSide } from '#shared/domain/trading-orders';
import { Dec, ZERO } from '#shared/money/decimal';
import { maxNotionalForLeverage, maxOpenQuantity, tradingFee } from '#shared/risk/index';
import { averagePrice, type WalkFill } from '../book/walk';
import type { EngineContext } from '../context';
import { money } from '../ledger/money';
import { closingOrderSide, sideOfOrder, type Account, type Position } from '../model/account';
import type { MarketState } from '../model/market';
import { accountMargin } from '../risk/account-margin';
import { positionInitialMargin, positionUpnl } from '../risk/position-risk';
import { marketLookup } from '../risk/refresh';
import { planTake, type TakePhase } from './book-fill';

export type OpeningVerdict =
  | { readonly ok: true; readonly opening: Dec }
  | { readonly ok: false; readonly code: 'insufficientMargin' | 'leverageAboveBracket'; readonly message: string };

/** The part of an order that would open or add (one-way: a buy against a short closes first). */
export function openingPart(account: Account, symbol: string, side: OrderSide, qty: Dec): Dec {
  const pos = account.positions.get(symbol);
  if (pos && closingOrderSide(pos.side) === side) return Dec.max(ZERO, qty.minus(pos.qty));
  return qty;
}

/**
 * Whether the account can open `qty` more at `price`: the risk core's max-open quantity, which
 * charges initial margin, the loss already open at the mark and the taker fee against the
 * available balance, and caps the position by the bracket tier its leverage allows.
 */
export function checkOpening(ctx: EngineContext, account: Account, m: MarketState, side: OrderSide, qty: Dec, price: Dec): OpeningVerdict {
  return checkOpeningQty(ctx, account, m, side, openingPart(account, m.symbol, side, qty), price, ZERO);
}

/**
 * checkOpening for an opening quantity already known, with `adjust` added to the available
 * balance (what closing the opposite position first frees or costs).
 */
function checkOpeningQty(ctx: EngineContext, account: Account, m: MarketState, side: OrderSide, opening: Dec, price: Dec, adjust: Dec): OpeningVerdict {
  if (opening.lte(0) || account.kind === 'liquidity') return { ok: true, opening: ZERO };
  const lev = new Dec(account.settings.get(m.symbol)?.leverage ?? ctx.state.defaults.leverage);
  const pos = account.positions.get(m.symbol);
  const existing = pos && pos.side === sideOfOrder(side) ? pos.qty.mul(m.spec.contractSize).mul(m.mark) : ZERO;
  const margin = accountMargin(marketLookup(ctx), account);
  const available = margin.available.plus(adjust);
  const max = maxOpenQuantity({
    spec: m.spec,
    side: sideOfOrder(side),
    available,
    leverage: lev,
    price,
    markPrice: m.mark,
    feeRate: m.profile.fees.taker,
    existingNotional: existing,
  });
  if (opening.lte(max.quantity)) return { ok: true, opening };
  if (max.limitedBy === 'bracket') {
    const cap = maxNotionalForLeverage(m.spec.brackets, lev);
    return {
      ok: false,
      code: 'leverageAboveBracket',
      message: `at ${lev.toFixed()}x a ${m.symbol} position may not exceed ${cap.toFixed()} notional (the bracket that allows ${lev.toFixed()}x ends there); this order would open ${opening.toFixed()} more on top of ${existing.toFixed(2)}. Lower the leverage or the size (at most ${max.quantity.toFixed()} now).`,
    };
  }
  return {
    ok: false,
    code: 'insufficientMargin',
    message: `available balance ${Dec.max(ZERO, available).toFixed(2)} covers at most ${max.quantity.toFixed()} ${m.symbol} at ${price.toDecimalPlaces(2).toFixed()} with ${lev.toFixed()}x (initial margin, open loss and taker fee); this order would open ${opening.toFixed()}.`,
  };
}

/** Per fill, the ledger rounds initial margin up and the fee to 8 decimals: at most this each. */
const ROUNDING_PER_FILL = new Dec('0.00000002');

/** checkTakePlan of the walk that taking `qty` up to `limit` (null: a market order) would make now, at the taker fee. */
export function checkTake(ctx: EngineContext, account: Account, m: MarketState, side: OrderSide, qty: Dec, limit: Dec | null): OpeningVerdict {
  return checkTakePlan(ctx, account, m, side, planTake(ctx, account, m, side, qty, limit), m.profile.fees.taker);
}

/**
 * The margin check of a taker order against the walk it will actually make (planTake), before
 * any of it fills: the opening part is priced at the average of its own fills (the worst end of
 * the walk, on the book the closing part displaced), with the taker fee and the open loss at the
 * mark, against the available balance as it will be once the closing part has settled. Pricing
 * a deep walk at the best quote let an order fill beyond the wallet.
 */
export function checkTakePlan(ctx: EngineContext, account: Account, m: MarketState, side: OrderSide, plan: readonly TakePhase[], feeRate: Dec): OpeningVerdict {
  const open = plan.find((p) => !p.protect);
  if (!open || account.kind === 'liquidity') return { ok: true, opening: ZERO };
  const price = averagePrice(open.walk.fills);
  if (!price) return { ok: true, opening: ZERO };
  let adjust = ROUNDING_PER_FILL.mul(-plan.reduce((n, p) => n + p.walk.fills.length, 0));
  const close = plan.find((p) => p.protect);
  const pos = account.positions.get(m.symbol);
  if (close && pos) adjust = adjust.plus(settledByClose(m, account, pos, close.walk.fills, feeRate));
  return checkOpeningQty(ctx, account, m, side, open.walk.filled, price, adjust);
}

/**
 * How a full close through `fills` changes the available balance. Cross: the position's initial
 * margin is freed and its open PnL becomes the realised PnL of the actual fills, less the fee.
 * Isolated: what the margin hands back to the wallet (never below zero; the fund takes a gap).
 */
function settledByClose(m: MarketState, account: Account, pos: Position, fills: readonly WalkFill[], feeRate: Dec): Dec {
  let proceeds = ZERO;
  let fee = ZERO;
  for (const f of fills) {
    const value = f.qty.mul(f.price).mul(m.spec.contractSize);
    proceeds = proceeds.plus(value);
    fee = fee.plus(money(tradingFee(value, feeRate)));
  }
  const realized = pos.side === 'long' ? proceeds.minus(pos.entryValue) : pos.entryValue.minus(proceeds);
  if (pos.mode === 'isolated' && account.kind !== 'liquidity') return Dec.max(ZERO, pos.margin.plus(realized).minus(fee));
  return positionInitialMargin(m, pos).plus(realized).minus(positionUpnl(m, pos)).minus(fee);
}
