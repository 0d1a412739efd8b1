import type { Effect } from './effects';
import { AdlRankingIndex } from './index/adl-ranking-index';
import { LiquidationIndex } from './index/liquidation-index';
import { OrderIndex } from './index/order-index';
import type { Account, Position } from './model/account';
import type { AccountId } from './model/ids';
import type { MarketState } from './model/market';
import type { EngineState } from './state/engine-state';

export type AdlSelection = 'indexed' | 'reference';

/** Indexes derived from the state: rebuilt from scratch on restore, never serialised. */
export class EngineIndexes {
  readonly liq = new LiquidationIndex();
  readonly orders = new OrderIndex();
  /** Opposing sides in ADL order, kept across a cascade (index/adl-ranking-index.ts). */
  readonly adl = new AdlRankingIndex(this.liq);
  /**
   * How auto-deleveraging picks its counterparties: 'indexed' (the ranking index) or 'reference'
   * (a full ranking at every ADL event, the original implementation, kept as the test oracle:
   * both must give the same state).
   */
  adlSelection: AdlSelection = 'indexed';
  /** Every open position per symbol, in a stable order (insertion), the liquidity account's included. */
  readonly positions = new Map<string, Map<AccountId, Position>>();
  /** Per market, the heaps a trigger run consults (triggers/run-triggers.ts keeps it). */
  readonly triggerLists = new Map<string, unknown>();

  positionsIn(symbol: string): Map<AccountId, Position> {
    let m = this.positions.get(symbol);
    if (!m) this.positions.set(symbol, (m = new Map()));
    return m;
  }

  clear(): void {
    this.liq.clear();
    this.orders.clear();
    this.positions.clear();
    this.triggerLists.clear();
    this.adl.clear();
  }
}

/**
 * What every engine module works on while one event is applied: the state, its indexes, the
 * effects produced so far, and the accounts whose liquidation prices must be recomputed before
 * the next trigger check.
 */
export interface EngineContext {
  readonly state: EngineState;
  readonly idx: EngineIndexes;
  readonly effects: Effect[];
  readonly dirty: Set<AccountId>;
}

export function market(ctx: EngineContext, symbol: string): MarketState {
  const m = ctx.state.markets.get(symbol);
  if (!m) throw new EngineRejection('unknownSymbol', `no market ${symbol} in this workspace`, 'symbol');
  return m;
}

export function account(ctx: EngineContext, id: AccountId): Account {
  const a = ctx.state.accounts.get(id);
  if (!a) throw new EngineRejection('unknownAccount', `no account ${id}`, 'account');
  return a;
}

/**
 * A refused command. Thrown only before anything was changed (every command validates fully
 * first), so catching it leaves the state as it was.
 */
export class EngineRejection extends Error {
  override readonly name = 'EngineRejection';
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function reject(code: string, message: string, field?: string): never {
  throw new EngineRejection(code, message, field);
}
