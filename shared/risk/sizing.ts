import type { MarginMode, Side } from '../domain/exchange';
import { type Dec, ONE, ZERO, floorTo } from '../money/decimal';
import { maxNotionalForLeverage } from './brackets';
import { notionalAt } from './contract-spec';
import { RiskInputError } from './errors';
import { sideSign } from './margin';
import type { PositionState } from './liquidation/position';
import type { ExchangeProfile } from './profile';
import { contractSpec } from './profiles';
import { maxSafeLeverage, stopSafety } from './stops';

export interface SizingFees {
  /** Fee rate paid on the entry notional. */
  readonly entryRate: Dec;
  /** Fee rate paid on the stop's fill notional. */
  readonly exitRate: Dec;
  /** Assumed adverse slippage of the stop fill, as a fraction of the stop price. */
  readonly stopSlippageRate: Dec;
}

export interface SizingInput {
  readonly profile: ExchangeProfile;
  readonly symbol: string;
  readonly side: Side;
  readonly equity: Dec;
  /** Fraction of equity to lose if the stop fills (0.01 = 1%; Elder's rule caps it at 0.02). */
  readonly riskFraction: Dec;
  readonly entry: Dec;
  readonly stop: Dec;
  readonly fees?: Partial<SizingFees>;
  /** The exchange leverage setting: margin posted = notional / leverage. */
  readonly leverage: Dec;
  /** Cap on notional / equity; defaults to the leverage setting. */
  readonly maxLeverage?: Dec;
  readonly marginMode: MarginMode;
  readonly maintenanceOverride?: { readonly rate: Dec; readonly amount: Dec };
  /**
   * Cross: the wallet that backs the position before its entry fee (default: the equity), and
   * the account's other positions, which share it (their unrealised PnL and requirements).
   */
  readonly cross?: { readonly walletBalance: Dec; readonly others: readonly PositionState[] };
  /** Size only: skip the liquidation price and the highest-safe-leverage search (a first pass). */
  readonly sizeOnly?: boolean;
}

export type SizingCap = 'maxLeverage' | 'bracket' | 'margin';

export interface SizingResult {
  readonly riskBudget: Dec;
  readonly quantity: Dec;
  readonly notional: Dec;
  /** What the stop costs at this quantity, fees and slippage included: never above the budget. */
  readonly riskCash: Dec;
  readonly riskFractionTaken: Dec;
  readonly stopFillPrice: Dec;
  readonly lossPerUnit: Dec;
  readonly effectiveLeverage: Dec;
  readonly initialMargin: Dec;
  readonly entryFee: Dec;
  /** The caps that bound the size, in the order applied; empty when risk alone set it. */
  readonly cappedBy: readonly SizingCap[];
  readonly cappedByLeverage: boolean;
  /** Below the contract's minimum quantity or notional: the exchange would refuse the order. */
  readonly belowExchangeMinimum: boolean;
  readonly liquidationPrice: Dec | null;
  readonly stopBeforeLiquidation: boolean;
  readonly liquidationBuffer: Dec | null;
  readonly maxSafeLeverage: Dec | null;
}

function rate(x: Dec | undefined, field: string): Dec {
  const v = x ?? ZERO;
  if (v.lt(0) || !v.lt(1)) throw new RiskInputError(field, 'must be in [0, 1)');
  return v;
}

/**
 * Fixed-fractional position sizing (tokens-and-sizing.md 3.1): budget R$ = equity x risk;
 * stop fill = stop x (1 - s x slip); loss per unit d = |entry - fill| + fee_in x entry +
 * fee_out x fill; qty = R$ / d, then the caps in order (a) notional <= equity x maxLeverage,
 * (b) the tier limit at the chosen leverage, (c) margin + entry fee <= equity. The quantity is
 * floored to the step, so the stop never costs more than the budget. Leverage sets the margin
 * posted, not the risk, as long as the stop fills before liquidation - reported alongside.
 */
export function sizePosition(input: SizingInput): SizingResult {
  const { side, equity, entry, stop, leverage } = input;
  if (!equity.gt(0)) throw new RiskInputError('equity', 'must be greater than zero');
  if (!input.riskFraction.gt(0) || input.riskFraction.gt(1)) throw new RiskInputError('riskFraction', 'must be in (0, 1]');
  if (!entry.gt(0)) throw new RiskInputError('entry', 'must be greater than zero');
  if (!stop.gt(0)) throw new RiskInputError('stop', 'must be greater than zero');
  if (!leverage.gt(0)) throw new RiskInputError('leverage', 'must be greater than zero');
  const s = sideSign(side);
  if (side === 'long' ? !stop.lt(entry) : !stop.gt(entry)) {
    throw new RiskInputError('stop', `a ${side} stop must be ${side === 'long' ? 'below' : 'above'} the entry`);
  }
  const entryRate = rate(input.fees?.entryRate, 'fees.entryRate');
  const exitRate = rate(input.fees?.exitRate, 'fees.exitRate');
  const slip = rate(input.fees?.stopSlippageRate, 'fees.stopSlippageRate');
  const maxLev = input.maxLeverage ?? leverage;
  if (!maxLev.gt(0)) throw new RiskInputError('maxLeverage', 'must be greater than zero');

  const spec = contractSpec(input.profile, input.symbol);
  const unitAtEntry = notionalAt(spec, ONE, entry);
  const stopFillPrice = stop.mul(ONE.minus(slip.mul(s)));
  const unitAtStop = notionalAt(spec, ONE, stopFillPrice);
  // Loss per unit in the settlement currency: the move (linear in price, inverse in 1/price) plus both fees.
  const move = spec.settlement === 'linear' ? unitAtEntry.minus(unitAtStop) : unitAtStop.minus(unitAtEntry);
  const lossPerUnit = move.mul(s).plus(unitAtEntry.mul(entryRate)).plus(unitAtStop.mul(exitRate));
  const riskBudget = equity.mul(input.riskFraction);

  const byRisk = riskBudget.div(lossPerUnit);
  const caps: { cap: SizingCap; qty: Dec }[] = [
    { cap: 'maxLeverage', qty: equity.mul(maxLev).div(unitAtEntry) },
    { cap: 'bracket', qty: maxNotionalForLeverage(spec.brackets, leverage).div(unitAtEntry) },
    { cap: 'margin', qty: equity.div(unitAtEntry.div(leverage).plus(unitAtEntry.mul(entryRate))) },
  ];
  let qty = byRisk;
  const cappedBy: SizingCap[] = [];
  for (const c of caps) {
    if (c.qty.lt(qty)) {
      qty = c.qty;
      cappedBy.push(c.cap);
    }
  }
  const quantity = floorTo(qty, spec.stepSize);
  const notional = quantity.mul(unitAtEntry);
  const entryFee = notional.mul(entryRate);
  const riskCash = quantity.mul(lossPerUnit);
  const belowExchangeMinimum = quantity.lt(spec.minQty) || notional.lt(spec.minNotional) || quantity.isZero();

  let safety: ReturnType<typeof stopSafety> = { liquidationPrice: null, stopBeforeLiquidation: true, buffer: null };
  let safeLeverage: Dec | null = null;
  if (quantity.gt(0) && !input.sizeOnly) {
    const cross = input.marginMode === 'cross' ? input.cross : undefined;
    const check = {
      profile: input.profile,
      symbol: input.symbol,
      side,
      quantity,
      entry,
      stopFill: stopFillPrice,
      marginMode: input.marginMode,
      walletBalance: (cross?.walletBalance ?? equity).minus(entryFee),
      ...(cross && cross.others.length > 0 ? { others: cross.others } : {}),
      ...(input.maintenanceOverride ? { maintenanceOverride: input.maintenanceOverride } : {}),
    };
    safety = stopSafety(check, leverage);
    safeLeverage = maxSafeLeverage(check);
  }

  return {
    riskBudget,
    quantity,
    notional,
    riskCash,
    riskFractionTaken: riskCash.div(equity),
    stopFillPrice,
    lossPerUnit,
    effectiveLeverage: notional.div(equity),
    initialMargin: notional.div(leverage),
    entryFee,
    cappedBy,
    cappedByLeverage: cappedBy.length > 0,
    belowExchangeMinimum,
    liquidationPrice: safety.liquidationPrice,
    stopBeforeLiquidation: safety.stopBeforeLiquidation,
    liquidationBuffer: safety.buffer,
    maxSafeLeverage: safeLeverage,
  };
}
