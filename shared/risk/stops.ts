import type { MarginMode, Side } from '../domain/exchange';
import { Dec } from '../money/decimal';
import { maxLeverageForNotional } from './brackets';
import { notionalAt } from './contract-spec';
import { sideSign } from './margin';
import type { ExchangeProfile } from './profile';
import { contractSpec } from './profiles';
import { liquidationPrice } from './liquidation/liquidation-price';
import type { PositionState } from './liquidation/position';

/** A planned position whose stop is checked against its liquidation price. */
export interface StopCheckInput {
  readonly profile: ExchangeProfile;
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: Dec;
  readonly entry: Dec;
  /** The price the stop is expected to fill at (trigger moved by the assumed slippage). */
  readonly stopFill: Dec;
  readonly marginMode: MarginMode;
  /** Cross: the wallet that backs the position (the account equity after the entry fee). */
  readonly walletBalance: Dec;
  /** Cross: the account's other positions (held at their marks); cross ones share the wallet. */
  readonly others?: readonly PositionState[];
  readonly maintenanceOverride?: { readonly rate: Dec; readonly amount: Dec };
}

export interface StopSafety {
  readonly liquidationPrice: Dec | null;
  /** Long: stop fill above the LP; short: below. True when there is no LP at all. */
  readonly stopBeforeLiquidation: boolean;
  /** How far the stop fill sits inside the LP, in price (negative: the stop can never fill). */
  readonly buffer: Dec | null;
}

function liquidationAt(input: StopCheckInput, leverage: Dec): Dec | null {
  return liquidationPrice({
    profile: input.profile,
    walletBalance: input.walletBalance,
    ...(input.others ? { others: input.others } : {}),
    position: {
      symbol: input.symbol,
      side: input.side,
      quantity: input.quantity,
      entryPrice: input.entry,
      markPrice: input.entry,
      marginMode: input.marginMode,
      leverage,
      ...(input.maintenanceOverride ? { maintenanceOverride: input.maintenanceOverride } : {}),
    },
  });
}

/**
 * Whether the stop fills before liquidation at this leverage (same price basis; tokens-and-
 * sizing.md 3.3). The stop's expected fill, not its trigger, is compared: a stop that triggers
 * just before the LP but slips past it does not protect the position.
 */
export function stopSafety(input: StopCheckInput, leverage: Dec): StopSafety {
  const lp = liquidationAt(input, leverage);
  if (lp === null) return { liquidationPrice: null, stopBeforeLiquidation: true, buffer: null };
  const buffer = input.stopFill.minus(lp).mul(sideSign(input.side));
  return { liquidationPrice: lp, stopBeforeLiquidation: buffer.gt(0), buffer };
}

/**
 * The highest whole leverage (exchanges take integers) at which the stop still fills before
 * liquidation, up to the bracket's maximum for the position's notional; null if not even 1x is
 * safe. Isolated LP moves monotonically with leverage (a tested property), so this bisects.
 * In cross mode the LP does not depend on the leverage setting: the answer is the cap or null.
 */
export function maxSafeLeverage(input: StopCheckInput, cap?: Dec): Dec | null {
  const spec = contractSpec(input.profile, input.symbol);
  const bracketMax = maxLeverageForNotional(spec.brackets, notionalAt(spec, input.quantity, input.entry));
  const limit = Dec.min(bracketMax, cap ?? bracketMax).floor();
  if (limit.lt(1)) return null;
  const safe = (lev: number) => stopSafety(input, new Dec(lev)).stopBeforeLiquidation;
  if (!safe(1)) return null;
  let lo = 1;
  let hi = limit.toNumber();
  if (safe(hi)) return new Dec(hi);
  // Invariant: safe(lo) and not safe(hi).
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (safe(mid)) lo = mid;
    else hi = mid;
  }
  return new Dec(lo);
}

/**
 * The closed-form bound of tokens-and-sizing.md 3.3 (isolated, cum = 0): long
 * L < 1 / (1 - (1 - mmr) x stop / entry), short L < 1 / ((1 + mmr) x stop / entry - 1).
 * Null when any leverage is safe (the bound is not positive). For display next to maxSafeLeverage.
 */
export function stopLeverageBound(side: Side, entry: Dec, stop: Dec, mmr: Dec): Dec | null {
  const ratio = stop.div(entry);
  const den = side === 'long' ? new Dec(1).minus(new Dec(1).minus(mmr).mul(ratio)) : new Dec(1).plus(mmr).mul(ratio).minus(1);
  return den.gt(0) ? new Dec(1).div(den) : null;
}
