import { Dec, toWire, type DecimalString } from '../money/decimal';
import type { PositionState } from '../risk/index';
import type { PlanContext, ResolvedPlan } from './resolve-inputs';

/** What the Planner says about a cross plan's account. */
export interface PlanCross {
  /** The wallet backing the position before its entry fee. */
  readonly walletBalance: DecimalString;
  readonly walletOrigin: 'account' | 'typed';
  /** The paper account's other positions counted (cross ones share the wallet). */
  readonly others: readonly { readonly symbol: string; readonly side: string; readonly quantity: DecimalString; readonly marginMode: string }[];
  /** The account already holds this symbol: the plan is sized as a position of its own. */
  readonly sameSymbolHeld: boolean;
}

/**
 * The account a cross plan shares its wallet with. With the equity left to the paper account,
 * the wallet is its cross wallet balance (isolated margins are not in it); a typed equity stands
 * for that wallet. Either way the account's positions on other symbols of the profile are
 * counted at their marks: cross ones take their unrealised PnL and maintenance from the wallet
 * (shared/risk liquidation code, the same the engine's account view uses).
 */
export function crossAccount(p: ResolvedPlan, ctx: PlanContext): { wallet: Dec; others: PositionState[]; view: PlanCross } {
  const acct = ctx.cross ?? null;
  const fromAccount = p.equityOrigin === 'account' && acct !== null;
  const wallet = fromAccount ? new Dec(acct.walletBalance) : p.equity;
  const positions = (acct?.positions ?? []).filter((o) => o.symbol !== p.symbol && o.symbol in p.profile.symbols);
  const others: PositionState[] = positions.map((o) => ({
    symbol: o.symbol,
    side: o.side,
    quantity: new Dec(o.quantity),
    entryPrice: new Dec(o.entryPrice),
    markPrice: new Dec(o.markPrice),
    marginMode: o.marginMode,
    leverage: new Dec(o.leverage),
  }));
  return {
    wallet,
    others,
    view: {
      walletBalance: toWire(wallet),
      walletOrigin: fromAccount ? 'account' : 'typed',
      others: positions.map((o) => ({ symbol: o.symbol, side: o.side, quantity: o.quantity as DecimalString, marginMode: o.marginMode })),
      sameSymbolHeld: (acct?.positions ?? []).some((o) => o.symbol === p.symbol),
    },
  };
}
