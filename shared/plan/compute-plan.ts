import { Dec, toWire, type DecimalString } from '../money/decimal';
import { bracketForNotional, contractSpec, DEFAULT_BOOK, sizeFromRisk, type SizedFromRisk, type SizingCap, type SizingResult, type StopCheckInput } from '../risk/index';
import { crossAccount, type PlanCross } from './cross-account';
import type { PlanInputs } from './plan-body';
import { planExits, type PlanExits } from './plan-exits';
import { resolvePlanInputs, type FieldProblem, type PlanContext, type ResolvedPlan } from './resolve-inputs';

/** Every figure the Planner shows, exact, as decimal strings (formatting is the view's job). */
export interface PlanOutputs {
  readonly side: 'long' | 'short';
  readonly equity: DecimalString;
  readonly riskBudget: DecimalString;
  readonly entry: DecimalString;
  readonly stop: DecimalString;
  readonly stopFill: DecimalString;
  readonly quantity: DecimalString;
  readonly notional: DecimalString;
  readonly initialMargin: DecimalString;
  readonly entryFee: DecimalString;
  /** Fee on the stop's fill. */
  readonly exitFee: DecimalString;
  readonly lossPerUnit: DecimalString;
  /** What the stop costs at this quantity, fees and slippage included. */
  readonly lossAtStop: DecimalString;
  /** lossAtStop / equity: the share of equity really at risk (below the budget when floored or capped). */
  readonly lossFraction: DecimalString;
  readonly liquidationPrice: DecimalString | null;
  /** Stop fill minus liquidation, toward safety (negative: the stop can never fill). */
  readonly stopToLiquidation: DecimalString | null;
  /** The same distance as a fraction of the entry. */
  readonly stopToLiquidationFraction: DecimalString | null;
  readonly verdict: 'safe' | 'unsafe';
  readonly maxSafeLeverage: DecimalString | null;
  readonly effectiveLeverage: DecimalString;
  readonly cappedBy: readonly SizingCap[];
  readonly belowExchangeMinimum: boolean;
  readonly bracket: { readonly tier: number; readonly maxLeverage: DecimalString; readonly maintenanceMarginRate: DecimalString; readonly maintenanceAmount: DecimalString; readonly notionalCap: DecimalString };
  readonly fees: { readonly entryRate: DecimalString; readonly exitRate: DecimalString; readonly stopSlippageRate: DecimalString };
  /** The book model's working when it priced the slippage (null: typed). */
  readonly slippageModel: { readonly depthScale: number; readonly spreadBps: number; readonly notional: DecimalString; readonly fillPrice: DecimalString } | null;
  /** Cross margin: the wallet that backs the position and the account's other positions counted. */
  readonly cross: PlanCross | null;
}

export type PlanResult =
  | {
      readonly ok: true;
      readonly resolved: ResolvedPlan;
      readonly sizing: SizingResult;
      readonly outputs: PlanOutputs;
      readonly exits: PlanExits;
      /** The stop-versus-liquidation check of this size, for the leverage strip (computed apart, deferred). */
      readonly check: StopCheckInput | null;
    }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/**
 * Figures leave at `levdesk size`'s precision (8 places, 10 for ratios, half-even), so the
 * Planner's data-value and the CLI's JSON carry the same text for the same inputs.
 */
const w = (d: Dec, dp = 8): DecimalString => toWire(d.toDecimalPlaces(dp, Dec.ROUND_HALF_EVEN));
const wn = (d: Dec | null, dp = 8): DecimalString | null => (d === null ? null : w(d, dp));

/**
 * The plan from what was typed: size from risk (shared/risk sizeFromRisk, the function `levdesk
 * size` runs, with its default fees; the stop's slippage from the book model, as `levdesk size`
 * prices it when its input names a book), the stop against
 * liquidation (cross: with the paper account's other positions) and the exits. Pure and
 * synchronous: the renderer runs it on every keystroke; the leverage strip (about 45 liquidation
 * prices) is computed apart by leverageStrip, off the keystroke path.
 */
export function computePlan(inputs: PlanInputs, ctx: PlanContext): PlanResult {
  const r = resolvePlanInputs(inputs, ctx);
  if (!r.ok) return r;
  const resolvedInputs = r.plan;
  const cross = inputs.marginMode === 'cross' ? crossAccount(resolvedInputs, ctx) : null;
  let sized: SizedFromRisk;
  const p0 = resolvedInputs;
  try {
    sized = sizeFromRisk({
      given: p0.given,
      book: ctx.book ?? DEFAULT_BOOK,
      ...(cross ? { cross: { walletBalance: cross.wallet, others: cross.others } } : {}),
      profile: p0.profile,
      symbol: p0.symbol,
      side: p0.side,
      equity: p0.equity,
      riskFraction: p0.riskFraction,
      entry: p0.entry,
      stop: p0.stop,
      leverage: p0.leverage,
      marginMode: inputs.marginMode,
    });
  } catch (err) {
    const e = err as { field?: string; message: string };
    return { ok: false, problems: [{ field: e.field?.startsWith('fees') ? 'feeEntry' : (e.field ?? 'form'), message: e.message }] };
  }
  const p: ResolvedPlan = { ...p0, fees: sized.fees };
  const sizing = sized.sizing;
  const slip = sized.slippage;
  const spec = contractSpec(p.profile, p.symbol);
  const bracket = bracketForNotional(spec.brackets, sizing.notional);
  const exitFee = sizing.quantity.mul(sizing.stopFillPrice).mul(p.fees.exitRate);
  const outputs: PlanOutputs = {
    side: p.side,
    equity: w(p.equity),
    riskBudget: w(sizing.riskBudget),
    entry: w(p.entry),
    stop: w(p.stop),
    stopFill: w(sizing.stopFillPrice),
    quantity: w(sizing.quantity),
    notional: w(sizing.notional),
    initialMargin: w(sizing.initialMargin),
    entryFee: w(sizing.entryFee),
    exitFee: w(exitFee),
    lossPerUnit: w(sizing.lossPerUnit),
    lossAtStop: w(sizing.riskCash),
    lossFraction: w(sizing.riskFractionTaken, 10),
    liquidationPrice: wn(sizing.liquidationPrice),
    stopToLiquidation: wn(sizing.liquidationBuffer),
    stopToLiquidationFraction: sizing.liquidationBuffer ? w(sizing.liquidationBuffer.div(p.entry), 10) : null,
    verdict: sizing.stopBeforeLiquidation ? 'safe' : 'unsafe',
    maxSafeLeverage: wn(sizing.maxSafeLeverage),
    effectiveLeverage: w(sizing.effectiveLeverage),
    cappedBy: sizing.cappedBy,
    belowExchangeMinimum: sizing.belowExchangeMinimum,
    bracket: {
      tier: bracket.tier,
      maxLeverage: w(bracket.maxLeverage),
      maintenanceMarginRate: w(bracket.maintenanceMarginRate),
      maintenanceAmount: w(bracket.maintenanceAmount),
      notionalCap: w(bracket.notionalCap),
    },
    fees: { entryRate: w(p.fees.entryRate), exitRate: w(p.fees.exitRate), stopSlippageRate: w(p.fees.stopSlippageRate, 10) },
    slippageModel: slip ? { depthScale: slip.book.depthScale, spreadBps: slip.book.spreadBps, notional: w(slip.notional), fillPrice: w(slip.fillPrice) } : null,
    cross: cross?.view ?? null,
  };
  const exits = planExits(inputs, p, sizing, spec);
  const check: StopCheckInput | null = sizing.quantity.gt(0)
    ? {
        profile: p.profile,
        symbol: p.symbol,
        side: p.side,
        quantity: sizing.quantity,
        entry: p.entry,
        stopFill: sizing.stopFillPrice,
        marginMode: inputs.marginMode,
        walletBalance: (cross?.wallet ?? p.equity).minus(sizing.entryFee),
        ...(cross && cross.others.length > 0 ? { others: cross.others } : {}),
      }
    : null;
  return { ok: true, resolved: p, sizing, outputs, exits, check };
}
