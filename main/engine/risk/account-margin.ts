import { Dec, ZERO } from '#shared/money/decimal';
import { initialMargin, marginRatio } from '#shared/risk/index';
import { moneyUp } from '../ledger/money';
import { leverageDecimal, type Account } from '../model/account';
import { restsAtLimit, type Order } from '../model/order';
import {
  positionInitialMargin,
  positionMaintenance,
  positionUpnl,
  type MarketLookup,
} from './position-risk';

/**
 * An account's margin picture at the current marks (Binance USDⓈ-M, single-asset mode):
 *   margin balance (cross) = cross wallet + unrealised PnL of cross positions
 *   available = cross margin balance − cross initial margin − open-order margin
 *   margin ratio (cross) = Σ cross maintenance / cross margin balance
 * Isolated positions stand apart: their margin left the cross wallet when they opened.
 */
export interface AccountMargin {
  readonly crossWallet: Dec;
  readonly isolatedMargin: Dec;
  readonly walletBalance: Dec;
  readonly unrealizedPnl: Dec;
  readonly crossUnrealizedPnl: Dec;
  readonly crossMarginBalance: Dec;
  readonly marginBalance: Dec;
  readonly crossMaintenance: Dec;
  readonly crossInitialMargin: Dec;
  readonly orderMargin: Dec;
  readonly available: Dec;
  readonly maxWithdrawable: Dec;
  readonly crossMarginRatio: Dec | null;
}

/** Margin an open order holds: the initial margin of what it could open at its price (reduce-only: none). */
export function orderMargin(order: Order, leverage: number, contractSize: Dec): Dec {
  if (order.reduceOnly || order.closePosition || !order.price) return ZERO;
  if (!restsAtLimit(order.type) || order.status === 'pending') return ZERO;
  const rest = order.qty.minus(order.filled);
  if (rest.lte(0)) return ZERO;
  return moneyUp(initialMargin(rest.mul(order.price).mul(contractSize), leverageDecimal(leverage)));
}

export function accountMargin(markets: MarketLookup, account: Account): AccountMargin {
  let isolated = ZERO;
  let upnl = ZERO;
  let crossUpnl = ZERO;
  let crossMM = ZERO;
  let crossIM = ZERO;
  for (const p of account.positions.values()) {
    const m = markets(p.symbol);
    const u = positionUpnl(m, p);
    upnl = upnl.plus(u);
    if (p.mode === 'isolated') {
      isolated = isolated.plus(p.margin);
    } else {
      crossUpnl = crossUpnl.plus(u);
      crossMM = crossMM.plus(positionMaintenance(m, p));
      crossIM = crossIM.plus(positionInitialMargin(m, p));
    }
  }
  let held = ZERO;
  for (const o of account.orders.values()) {
    const lev = account.settings.get(o.symbol)?.leverage ?? 1;
    held = held.plus(orderMargin(o, lev, markets(o.symbol).spec.contractSize));
  }
  const crossBalance = account.wallet.plus(crossUpnl);
  const available = crossBalance.minus(crossIM).minus(held);
  const withdrawable = account.wallet.plus(Dec.min(ZERO, crossUpnl)).minus(crossIM).minus(held);
  return {
    crossWallet: account.wallet,
    isolatedMargin: isolated,
    walletBalance: account.wallet.plus(isolated),
    unrealizedPnl: upnl,
    crossUnrealizedPnl: crossUpnl,
    crossMarginBalance: crossBalance,
    marginBalance: account.wallet.plus(isolated).plus(upnl),
    crossMaintenance: crossMM,
    crossInitialMargin: crossIM,
    orderMargin: held,
    available,
    maxWithdrawable: Dec.max(ZERO, Dec.min(withdrawable, available)),
    crossMarginRatio: crossMM.isZero() ? null : marginRatio(crossMM, crossBalance),
  };
}
