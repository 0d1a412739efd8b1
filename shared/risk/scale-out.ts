import type { Side } from '../domain/exchange';
import { Dec, ZERO } from '../money/decimal';
import { RiskInputError } from './errors';
import { sideSign } from './margin';
import { initialRisk, priceAtR } from './r-multiples';

/** One exit of a scale-out plan: a share of the position at a price or at an R target. */
export type ScaleOutLeg =
  | { readonly fraction: Dec; readonly price: Dec }
  | { readonly fraction: Dec; readonly r: Dec }
  | { readonly quantity: Dec; readonly price: Dec }
  | { readonly quantity: Dec; readonly r: Dec };

export interface ScaleOutInput {
  readonly side: Side;
  readonly entry: Dec;
  readonly stop: Dec;
  readonly quantity: Dec;
  /** In the order they fill. Whatever the legs leave open is the runner, still at risk. */
  readonly legs: readonly ScaleOutLeg[];
  readonly fees?: { readonly entryRate?: Dec; readonly exitRate?: Dec };
  /** After this many legs have filled, the stop moves to the entry (breakeven). */
  readonly breakevenAfterLegs?: number;
}

export interface ScaleOutLegResult {
  readonly price: Dec;
  readonly quantity: Dec;
  readonly grossPnl: Dec;
  readonly exitFee: Dec;
  /** Gross R of this leg's price (the R target it sits at). */
  readonly r: Dec;
  /** Realised so far, net of all fees paid (the entry fee is charged in full up front). */
  readonly lockedNet: Dec;
  /** Position still open after this leg. */
  readonly remaining: Dec;
  /** If the rest is stopped now (at the stop, or at the entry once moved to breakeven), net. */
  readonly worstCaseNet: Dec;
}

export interface ScaleOutResult {
  /** 1R for the whole position: gross = q x |entry - stop|; net adds entry and stop exit fees. */
  readonly oneR: { readonly gross: Dec; readonly net: Dec };
  readonly entryFee: Dec;
  readonly legs: readonly ScaleOutLegResult[];
  /** Open after the last leg (the runner), valued in the totals only if it is closed by a leg. */
  readonly runner: Dec;
  readonly totalGross: Dec;
  readonly totalFees: Dec;
  readonly totalNet: Dec;
  readonly rGross: Dec;
  readonly rNet: Dec;
  /** Worst case before any leg fills: the whole position stopped, net. */
  readonly initialWorstCaseNet: Dec;
}

function legQuantity(leg: ScaleOutLeg, total: Dec, i: number): Dec {
  const q = 'fraction' in leg ? total.mul(leg.fraction) : leg.quantity;
  if (!q.gt(0)) throw new RiskInputError(`legs.${i}`, 'a leg must close a positive quantity');
  return q;
}

/**
 * Scale-out plan with fees (tokens-and-sizing.md 3.5): each leg's gross and net PnL, what is
 * locked after it and the worst case if the rest is stopped then. R targets are gross R
 * (entry +- r x |entry - stop|); the totals report R against both the gross and the net 1R.
 */
export function planScaleOut(input: ScaleOutInput): ScaleOutResult {
  const { side, entry, stop, quantity } = input;
  if (!quantity.gt(0)) throw new RiskInputError('quantity', 'must be greater than zero');
  const s = sideSign(side);
  const risk = initialRisk(entry, stop);
  if (side === 'long' ? !stop.lt(entry) : !stop.gt(entry)) {
    throw new RiskInputError('stop', `a ${side} stop must be ${side === 'long' ? 'below' : 'above'} the entry`);
  }
  const inRate = input.fees?.entryRate ?? ZERO;
  const outRate = input.fees?.exitRate ?? ZERO;
  const entryFee = quantity.mul(entry).mul(inRate);
  const oneR = {
    gross: quantity.mul(risk),
    net: quantity.mul(risk.plus(entry.mul(inRate)).plus(stop.mul(outRate))),
  };
  const stopLoss = (q: Dec, at: Dec) => q.mul(at.minus(entry)).mul(s).minus(q.mul(at).mul(outRate));

  let remaining = quantity;
  let locked = entryFee.neg();
  let gross = ZERO;
  let fees = entryFee;
  const legs: ScaleOutLegResult[] = input.legs.map((leg, i) => {
    const price = 'price' in leg ? leg.price : priceAtR(side, entry, stop, leg.r);
    const q = legQuantity(leg, quantity, i);
    if (q.gt(remaining.plus('1e-30'))) throw new RiskInputError(`legs.${i}`, 'the legs close more than the position');
    remaining = Dec.max(ZERO, remaining.minus(q));
    const legGross = q.mul(price.minus(entry)).mul(s);
    const exitFee = q.mul(price).mul(outRate);
    gross = gross.plus(legGross);
    fees = fees.plus(exitFee);
    locked = locked.plus(legGross).minus(exitFee);
    const stopNow = input.breakevenAfterLegs !== undefined && i + 1 >= input.breakevenAfterLegs ? entry : stop;
    return {
      price,
      quantity: q,
      grossPnl: legGross,
      exitFee,
      r: price.minus(entry).mul(s).div(risk),
      lockedNet: locked,
      remaining,
      worstCaseNet: locked.plus(stopLoss(remaining, stopNow)),
    };
  });
  const totalNet = gross.minus(fees);
  return {
    oneR,
    entryFee,
    legs,
    runner: remaining,
    totalGross: gross,
    totalFees: fees,
    totalNet,
    rGross: gross.div(oneR.gross),
    rNet: totalNet.div(oneR.net),
    initialWorstCaseNet: entryFee.neg().plus(stopLoss(quantity, stop)),
  };
}

