import type { MarginMode, Side } from '../../domain/exchange';
import { type Dec, isAboveZero, isBelowZero } from '../../money/decimal';
import { fixedBracket, type Bracket } from '../brackets';
import { notionalAt, timesContractSize, type ContractSpec } from '../contract-spec';
import { RiskInputError } from '../errors';
import { sideSign } from '../margin';
import type { ExchangeProfile } from '../profile';
import { contractSpec } from '../profiles';

/**
 * One open position (one-way mode: one per symbol) as the risk functions see it. Quantity is in
 * base units for linear contracts and in contracts for inverse ones.
 */
export interface PositionState {
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: Dec;
  readonly entryPrice: Dec;
  readonly markPrice: Dec;
  readonly marginMode: MarginMode;
  readonly leverage: Dec;
  /** Isolated wallet: margin assigned, plus margin added, minus fees paid. Defaults to notional at entry / leverage. */
  readonly isolatedMargin?: Dec;
  /** Replaces the profile's brackets with one (rate, amount) pair, e.g. read off an exchange screen. */
  readonly maintenanceOverride?: { readonly rate: Dec; readonly amount: Dec };
  /** Replaces the profile's taker fee where the formula uses it (OKX/Gate, BitMEX, Bybit inverse cross). */
  readonly takerFeeRate?: Dec;
  /** Inverse: USD per contract, replacing the spec's. */
  readonly contractSize?: Dec;
}

/** A position with its contract resolved: the numbers every formula needs, computed once. */
export interface ResolvedPosition {
  readonly state: PositionState;
  readonly spec: ContractSpec;
  readonly s: 1 | -1;
  /** Linear: q x contractSize (base units). Inverse: Q = contracts x contractSize (USD). */
  readonly size: Dec;
  readonly brackets: readonly Bracket[];
  readonly overridden: boolean;
  readonly takerFeeRate: Dec;
}

export function resolvePosition(profile: ExchangeProfile, state: PositionState, field = 'position'): ResolvedPosition {
  if (!isAboveZero(state.quantity)) throw new RiskInputError(`${field}.quantity`, 'must be greater than zero');
  if (!isAboveZero(state.entryPrice)) throw new RiskInputError(`${field}.entryPrice`, 'must be greater than zero');
  if (!isAboveZero(state.markPrice)) throw new RiskInputError(`${field}.markPrice`, 'must be greater than zero');
  if (!isAboveZero(state.leverage)) throw new RiskInputError(`${field}.leverage`, 'must be greater than zero');
  if (state.isolatedMargin !== undefined && isBelowZero(state.isolatedMargin)) {
    throw new RiskInputError(`${field}.isolatedMargin`, 'must not be negative');
  }
  const base = contractSpec(profile, state.symbol);
  const spec = state.contractSize ? { ...base, contractSize: state.contractSize } : base;
  if (!isAboveZero(spec.contractSize)) throw new RiskInputError(`${field}.contractSize`, 'must be greater than zero');
  const override = state.maintenanceOverride;
  if (override && (override.rate.lt(0) || !override.rate.lt(1))) {
    throw new RiskInputError(`${field}.maintenanceMarginRate`, 'must be in [0, 1)');
  }
  return {
    state,
    spec,
    s: sideSign(state.side),
    size: timesContractSize(state.quantity, spec.contractSize),
    brackets: override ? [fixedBracket(override.rate, override.amount)] : spec.brackets,
    overridden: override !== undefined,
    takerFeeRate: state.takerFeeRate ?? profile.fees.taker,
  };
}

/** Position value at a price in the settlement currency. */
export function valueAt(pos: ResolvedPosition, price: Dec): Dec {
  return notionalAt(pos.spec, pos.state.quantity, price);
}

/** The isolated wallet, or the initial margin at entry when none was given. */
export function isolatedWallet(pos: ResolvedPosition): Dec {
  return pos.state.isolatedMargin ?? valueAt(pos, pos.state.entryPrice).div(pos.state.leverage);
}
