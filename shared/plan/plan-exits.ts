import { Dec, ZERO, floorTo, roundTo, toWire as exact, type DecimalString } from '../money/decimal';

const toWire = (d: Dec): DecimalString => exact(d.toDecimalPlaces(8, Dec.ROUND_HALF_EVEN));
import { planScaleOut, priceAtR, type ContractSpec, type SizingResult } from '../risk/index';
import type { PlanInputs } from './plan-body';
import { readDecimal, type FieldProblem, type ResolvedPlan } from './resolve-inputs';

export interface ExitRungResult {
  /** The rung's price, at the tick (an R target is rounded to the nearest tick). */
  readonly price: DecimalString;
  readonly percent: DecimalString;
  /** Floored to the step: what the take-profit order would close. */
  readonly quantity: DecimalString;
  /** The exchange would refuse it (under the minimum quantity). */
  readonly belowMinQty: boolean;
  /** Reward to risk of this rung: its gross R. */
  readonly r: DecimalString;
  readonly netPnl: DecimalString;
}

export interface PlanExits {
  readonly rungs: readonly ExitRungResult[];
  readonly problems: readonly FieldProblem[];
  /** Quantity the rungs leave open (the runner; the trailing stop's, when it is on). */
  readonly runner: DecimalString;
  /** All rungs filled, the runner closed at the last target; net of every fee. */
  readonly winNet: DecimalString | null;
  readonly winR: DecimalString | null;
  /** After the first target, if the rest is stopped (at the entry once moved to break-even). */
  readonly worstAfterFirst: DecimalString | null;
  readonly winProbability: DecimalString | null;
  /** p x win - (1 - p) x loss at the stop; and the same in R of the loss at the stop. */
  readonly expectedValue: DecimalString | null;
  readonly expectedR: DecimalString | null;
  readonly trailing: { readonly callbackRate: DecimalString; readonly activationPrice: DecimalString | null } | null;
}

/**
 * The exit plan: each rung's price (an R multiple becomes a price at the tick), its quantity
 * floored to the step and checked against the minimum, its R, and the plan's expected value for
 * the win probability typed (tokens-and-sizing.md 3.5). The runner left by the rungs is valued at
 * the last target in the win case, the stated assumption of the expected value.
 */
export function planExits(inputs: PlanInputs, p: ResolvedPlan, sizing: SizingResult, spec: ContractSpec): PlanExits {
  const problems: FieldProblem[] = [];
  const s = p.side === 'long' ? 1 : -1;
  const q = sizing.quantity;
  const legs: { price: Dec; quantity: Dec; readonly percent: Dec }[] = [];
  let total = ZERO;
  inputs.rungs.forEach((rung, i) => {
    const v = readDecimal(rung.value);
    const pct = readDecimal(rung.percent);
    if (!v || !v.gt(0)) return problems.push({ field: `rung${i}`, message: `Target ${i + 1}: enter a ${rung.kind === 'r' ? 'multiple of R' : 'price'} above zero.` });
    if (!pct || !pct.gt(0) || pct.gt(100)) return problems.push({ field: `rung${i}`, message: `Target ${i + 1}: the share is a percentage above 0, at most 100.` });
    const price = rung.kind === 'r' ? roundTo(priceAtR(p.side, p.entry, p.stop, v), spec.tickSize) : v;
    if (!price.minus(p.entry).mul(s).gt(0)) return problems.push({ field: `rung${i}`, message: `Target ${i + 1} is not on the profit side of the entry.` });
    total = total.plus(pct);
    legs.push({ price, quantity: floorTo(q.mul(pct).div(100), spec.stepSize), percent: pct });
    return undefined;
  });
  if (total.gt(100)) problems.push({ field: `rung0`, message: 'The targets close more than 100% of the position.' });
  // Targets that add up to 100% close it all: the last one takes what flooring left (no dust runner).
  if (total.eq(100) && legs.length > 0) {
    const before = legs.slice(0, -1).reduce((a, l) => a.plus(l.quantity), ZERO);
    legs[legs.length - 1]!.quantity = Dec.max(ZERO, q.minus(before));
  }

  let trailing: PlanExits['trailing'] = null;
  if (inputs.trailOn) {
    const cb = readDecimal(inputs.trailCallbackPercent);
    const act = inputs.trailActivation.trim() === '' ? null : readDecimal(inputs.trailActivation);
    if (!cb || cb.lt('0.1') || cb.gt(10)) problems.push({ field: 'trail', message: 'The callback is 0.1% to 10% (as on Binance).' });
    else if (inputs.trailActivation.trim() !== '' && (!act || !act.gt(0))) problems.push({ field: 'trail', message: 'The activation price is not a price.' });
    else trailing = { callbackRate: toWire(cb.div(100)), activationPrice: act ? toWire(act) : null };
  }

  const winP = readDecimal(inputs.winPercent);
  if (inputs.winPercent.trim() !== '' && (!winP || winP.gt(100))) problems.push({ field: 'win', message: 'The win probability is a percentage from 0 to 100.' });
  const empty = { winNet: null, winR: null, worstAfterFirst: null, expectedValue: null, expectedR: null };
  const rungs: ExitRungResult[] = legs.map((l) => {
    const gross = l.quantity.mul(l.price.minus(p.entry)).mul(s);
    return {
      price: toWire(l.price),
      percent: toWire(l.percent),
      quantity: toWire(l.quantity),
      belowMinQty: l.quantity.lt(spec.minQty) || l.quantity.isZero(),
      r: toWire(l.price.minus(p.entry).mul(s).div(p.entry.minus(p.stop).abs())),
      netPnl: toWire(gross.minus(l.quantity.mul(l.price).mul(p.fees.exitRate))),
    };
  });
  const usable = legs.filter((l) => l.quantity.gt(0));
  const closed = usable.reduce((a, l) => a.plus(l.quantity), ZERO);
  const runner = Dec.max(ZERO, q.minus(closed));
  const base = { rungs, problems, runner: toWire(runner), winProbability: winP ? toWire(winP.div(100)) : null, trailing };
  if (problems.length > 0 || usable.length === 0 || !q.gt(0)) return { ...base, ...empty };

  const last = usable[usable.length - 1]!.price;
  const plan = planScaleOut({
    side: p.side,
    entry: p.entry,
    stop: sizing.stopFillPrice,
    quantity: q,
    legs: [...usable.map((l) => ({ quantity: l.quantity, price: l.price })), ...(runner.gt(0) ? [{ quantity: runner, price: last }] : [])],
    fees: { entryRate: p.fees.entryRate, exitRate: p.fees.exitRate },
    ...(inputs.breakevenAfterFirst ? { breakevenAfterLegs: 1 } : {}),
  });
  const loss = sizing.riskCash;
  const winNet = plan.totalNet;
  const ev = winP ? winP.div(100).mul(winNet).minus(new Dec(1).minus(winP.div(100)).mul(loss)) : null;
  return {
    ...base,
    winNet: toWire(winNet),
    winR: loss.gt(0) ? toWire(winNet.div(loss)) : null,
    worstAfterFirst: toWire(plan.legs[0]!.worstCaseNet),
    expectedValue: ev ? toWire(ev) : null,
    expectedR: ev && loss.gt(0) ? toWire(ev.div(loss)) : null,
  };
}
