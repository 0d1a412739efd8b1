import type { OrderSide } from '#shared/domain/trading-orders';
import { Dec, ZERO } from '#shared/money/decimal';
import { maxNotionalForLeverage, maxOpenQuantity } from '#shared/risk/index';
import type { EngineContext } from '../context';
import { closingOrderSide, sideOfOrder, type Account } from '../model/account';
import type { MarketState } from '../model/market';
import { accountMargin } from '../risk/account-margin';
import { marketLookup } from '../risk/refresh';

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
  const opening = openingPart(account, m.symbol, side, qty);
  if (opening.lte(0) || account.kind === 'liquidity') return { ok: true, opening: ZERO };
  const lev = new Dec(account.settings.get(m.symbol)?.leverage ?? ctx.state.defaults.leverage);
  const pos = account.positions.get(m.symbol);
  const existing = pos && pos.side === sideOfOrder(side) ? pos.qty.mul(m.spec.contractSize).mul(m.mark) : ZERO;
  const margin = accountMargin(marketLookup(ctx), account);
  const max = maxOpenQuantity({
    spec: m.spec,
    side: sideOfOrder(side),
    available: margin.available,
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
    message: `available balance ${Dec.max(ZERO, margin.available).toFixed(2)} covers at most ${max.quantity.toFixed()} ${m.symbol} at ${price.toFixed()} with ${lev.toFixed()}x (initial margin, open loss and taker fee); this order would open ${opening.toFixed()}.`,
  };
}
