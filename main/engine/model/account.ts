import type { MarginMode, Side } from '#shared/domain/exchange';
import { Dec, ZERO } from '#shared/money/decimal';
import type { AccountId, AccountKind } from './ids';
import type { Order } from './order';
import { SmallMap } from './small-map';

/**
 * One-way position: at most one per account and symbol. The cost basis is kept as
 * `entryValue` = Σ qty × price of the lots still open, exactly, so the average entry price is a
 * derived number and no rounding ever leaks into the ledger (see ledger/position-fills.ts).
 */
export interface Position {
  readonly account: AccountId;
  readonly symbol: string;
  side: Side;
  qty: Dec;
  entryValue: Dec;
  mode: MarginMode;
  leverage: number;
  /** Isolated margin (the position's own wallet); zero for cross. */
  margin: Dec;
  /** Cumulative funding over the position's life: positive = paid, negative = received. */
  fundingPaid: Dec;
  realizedPnl: Dec;
  feesPaid: Dec;
  openedAt: number;
  updatedAt: number;
}

export interface SymbolSettings {
  readonly mode: MarginMode;
  readonly leverage: number;
}

/**
 * The settings for a mode and leverage, one shared (frozen) object per pair: settings are
 * replaced, never changed in place, and 100,000 crowd traders use a few hundred pairs.
 */
export function symbolSettings(mode: MarginMode, leverage: number): SymbolSettings {
  const key = mode === 'cross' ? leverage : -leverage;
  let s = settingsByKey.get(key);
  if (!s) {
    s = Object.freeze({ mode, leverage });
    if (Number.isInteger(leverage) && leverage > 0 && leverage <= 1000) settingsByKey.set(key, s);
  }
  return s;
}

const settingsByKey = new Map<number, SymbolSettings>();

export interface Account {
  readonly id: AccountId;
  readonly kind: AccountKind;
  /** Cross wallet: collateral not assigned to an isolated position. */
  wallet: Dec;
  readonly settings: Map<string, SymbolSettings>;
  readonly positions: Map<string, Position>;
  /** Live (non-final) orders by id. */
  readonly orders: Map<number, Order>;
  /** Whether per-fill, per-order and per-payment effects are reported (the trader: yes; crowd: no). */
  readonly history: boolean;
  deposited: Dec;
  withdrawn: Dec;
}

export function newAccount(id: AccountId, kind: AccountKind, history: boolean): Account {
  return {
    id,
    kind,
    wallet: ZERO,
    settings: new SmallMap(),
    positions: new SmallMap(),
    orders: new SmallMap(),
    history,
    deposited: ZERO,
    withdrawn: ZERO,
  };
}

/**
 * A position's leverage (a small integer) as a decimal, made once per value: every solve and
 * every opening fill asks for one, 100,000 times when a crowd opens.
 */
export function leverageDecimal(leverage: number): Dec {
  let d = leverages.get(leverage);
  if (!d) {
    d = new Dec(leverage);
    if (Number.isInteger(leverage) && leverage > 0 && leverage <= 1000) leverages.set(leverage, d);
  }
  return d;
}

const leverages = new Map<number, Dec>();

export function entryPrice(p: Position): Dec {
  return p.entryValue.div(p.qty);
}

export function opposite(side: Side): Side {
  return side === 'long' ? 'short' : 'long';
}

/** The position side a buy or sell opens or adds to. */
export function sideOfOrder(orderSide: 'buy' | 'sell'): Side {
  return orderSide === 'buy' ? 'long' : 'short';
}

/** The order side that reduces a position. */
export function closingOrderSide(side: Side): 'buy' | 'sell' {
  return side === 'long' ? 'sell' : 'buy';
}
