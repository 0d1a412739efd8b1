import { type Dec, ZERO, isAtMostZero } from '#shared/money/decimal';
import {
  explainLiquidation,
  initialMargin,
  liquidationPrices,
  maintenanceMargin,
  marginStateAt,
  unrealizedPnl,
  type LiquidationExplanation,
  type LiquidationInput,
  type PositionState,
} from '#shared/risk/index';
import { entryPrice, leverageDecimal, type Account, type Position } from '../model/account';
import type { MarketState } from '../model/market';

/**
 * The one seam between engine state and the risk core: every margin, liquidation and
 * bankruptcy number the engine acts on comes from shared/risk through these functions, built
 * from the engine's exact state. No formula is restated here.
 */

export type MarketLookup = (symbol: string) => MarketState;

export function riskState(m: MarketState, p: Position, markPrice: Dec = m.mark): PositionState {
  return {
    symbol: p.symbol,
    side: p.side,
    quantity: p.qty,
    entryPrice: entryPrice(p),
    markPrice,
    marginMode: p.mode,
    leverage: leverageDecimal(p.leverage),
    isolatedMargin: p.mode === 'isolated' ? (isAtMostZero(p.margin) ? ZERO : p.margin) : undefined,
  };
}

/** The risk-core input for one position: cross positions carry the wallet and the account's other positions. */
export function liquidationInput(markets: MarketLookup, account: Account, p: Position, markPrice?: Dec): LiquidationInput {
  const m = markets(p.symbol);
  const position = riskState(m, p, markPrice);
  if (p.mode === 'isolated') return { profile: m.profile, position };
  const others: PositionState[] = [];
  for (const o of account.positions.values()) {
    if (o === p || o.mode !== 'cross') continue;
    others.push(riskState(markets(o.symbol), o));
  }
  return { profile: m.profile, position, walletBalance: account.wallet, others };
}

export interface SolvedPrices {
  readonly liquidation: Dec | null;
  readonly bankruptcy: Dec | null;
  /** The entry price the solve used (entryValue / qty), null when nothing was solved: the index keeps it as binary64 without a second division. */
  readonly entry: Dec | null;
}

export function solvePrices(markets: MarketLookup, account: Account, p: Position): SolvedPrices {
  if (p.mode === 'isolated' && isAtMostZero(p.margin)) return { liquidation: null, bankruptcy: null, entry: null };
  // One solve gives both; the explanation around them (margin at the mark, terms) is not needed.
  const input = liquidationInput(markets, account, p);
  const solved = liquidationPrices(input);
  return { liquidation: solved.liquidation, bankruptcy: solved.bankruptcy, entry: input.position.entryPrice };
}

export function explainPosition(markets: MarketLookup, account: Account, p: Position): LiquidationExplanation {
  return explainLiquidation(liquidationInput(markets, account, p));
}

/**
 * The exact liquidation rule at the current mark: margin balance <= maintenance requirement
 * (margin ratio >= 100%). An isolated position whose margin is gone (funding ate it) is
 * liquidatable whatever the price.
 */
export function isLiquidatable(markets: MarketLookup, account: Account, p: Position): boolean {
  if (p.mode === 'isolated' && p.margin.lte(0)) return true;
  const m = markets(p.symbol);
  const { marginBalance, requirement } = marginStateAt(liquidationInput(markets, account, p), m.mark);
  return marginBalance.lte(requirement);
}

export function positionUpnl(m: MarketState, p: Position, price: Dec = m.mark): Dec {
  return unrealizedPnl(p.side, p.qty, entryPrice(p), price, m.spec.settlement, m.spec.contractSize);
}

export function notionalAtMark(m: MarketState, p: Position): Dec {
  return p.qty.mul(m.spec.contractSize).mul(m.mark);
}

export function positionMaintenance(m: MarketState, p: Position): Dec {
  return maintenanceMargin(m.spec.brackets, notionalAtMark(m, p));
}

/** Initial margin a cross position holds: notional at the mark / leverage (Binance). */
export function positionInitialMargin(m: MarketState, p: Position): Dec {
  return initialMargin(notionalAtMark(m, p), leverageDecimal(p.leverage));
}
