import type { MarginMode, Side } from '../../domain/exchange';
import { type Dec, ZERO, isAboveZero } from '../../money/decimal';
import { bracketIndexForNotional, type Bracket } from '../brackets';
import type { Settlement } from '../contract-spec';
import { RiskInputError } from '../errors';
import { marginRatio, unrealizedPnl } from '../margin';
import type { ExchangeProfile, FormulaFamily } from '../profile';
import { describeFormula, formulaId, type LiquidationFormulaId } from './describe';
import {
  bankruptcyCloseFeeRate,
  bracketAt,
  bracketBasis,
  otherRequirement,
  otherUnrealizedPnl,
  selfTerms,
  type SelfTerms,
} from './family-terms';
import { isolatedWallet, resolvePosition, valueAt, type PositionState, type ResolvedPosition } from './position';
import { solveBalance, tierSearchOrder } from './solve';

export interface LiquidationInput {
  readonly profile: ExchangeProfile;
  /** The position to solve. */
  readonly position: PositionState;
  /** Cross wallet balance (without isolated wallets). Required when the position is cross. */
  readonly walletBalance?: Dec;
  /** The account's other positions. Cross ones share the wallet and are held at their marks. */
  readonly others?: readonly PositionState[];
  /** BitMEX: the next funding rate; a position that pays it has it added to mmr'. */
  readonly fundingRate?: Dec;
}

/** Everything the Trade view needs to explain a liquidation price and a margin ratio. */
export interface LiquidationExplanation {
  readonly formula: LiquidationFormulaId;
  readonly description: string;
  readonly family: FormulaFamily;
  readonly settlement: Settlement;
  readonly marginMode: MarginMode;
  readonly side: Side;
  readonly liquidationPrice: Dec | null;
  readonly bankruptcyPrice: Dec | null;
  /** The tier used at the liquidation price (or at entry for entry-value families). */
  readonly bracket: Bracket;
  readonly bracketBasis: 'liquidation' | 'entry' | 'override';
  readonly terms: {
    /** Isolated wallet, or the cross wallet balance. */
    readonly walletBalance: Dec;
    readonly otherUnrealizedPnl: Dec;
    /** What the other cross positions reserve (family-specific: MM, MM + fee, or IM). */
    readonly otherRequirement: Dec;
    /** walletBalance + otherUnrealizedPnl - otherRequirement. */
    readonly effectiveBalance: Dec;
    /** q (base units) for linear, Q (USD) for inverse. */
    readonly size: Dec;
    readonly entryPrice: Dec;
    readonly maintenanceMarginRate: Dec;
    readonly maintenanceAmount: Dec;
    readonly feeRate: Dec;
    /** A and B of "balance = A + B x N(P)" at the liquidation price. */
    readonly constantTerm: Dec;
    readonly rateTerm: Dec;
  };
  /** Notional at entry / leverage. */
  readonly initialMargin: Dec;
  /** This position's MM = N x mmr - cum, valued at the mark (entry value for Bybit/BitMEX). */
  readonly maintenanceMargin: Dec;
  readonly maintenanceMarginRate: Dec;
  readonly maintenanceAmount: Dec;
  /** At the mark: wallet + all unrealised PnL that shares it. */
  readonly marginBalance: Dec;
  /** At the mark: what must stay covered (other requirements + this position's). */
  readonly requirement: Dec;
  /** requirement / marginBalance; liquidation at 1. Null when the balance is not positive. */
  readonly marginRatio: Dec | null;
}

interface Account {
  readonly family: FormulaFamily;
  readonly pos: ResolvedPosition;
  readonly walletBalance: Dec;
  readonly otherUpnl: Dec;
  readonly otherReq: Dec;
  readonly effective: Dec;
  readonly fundingRate: Dec | undefined;
  /** Linear: size x entry price, shared by the account's solves (solveBalance). */
  readonly sizeEntry: Dec | undefined;
}

// The objects below are written out field by field, never spread: a solve runs for every
// position that changes (100,000 when a crowd opens) and a spread of a conditional spread cost
// more than the decimal arithmetic around it.
function buildAccount(input: LiquidationInput): Account {
  const { profile } = input;
  const pos = resolvePosition(profile, input.position);
  const family = profile.family;
  const fundingRate = input.fundingRate;
  const sizeEntry = pos.spec.settlement === 'linear' ? pos.size.mul(pos.state.entryPrice) : undefined;
  if (pos.state.marginMode === 'isolated') {
    const wb = isolatedWallet(pos);
    return { family, pos, walletBalance: wb, otherUpnl: ZERO, otherReq: ZERO, effective: wb, fundingRate, sizeEntry };
  }
  if (input.walletBalance === undefined) {
    throw new RiskInputError('walletBalance', 'a cross position needs the cross wallet balance');
  }
  let otherUpnl = ZERO;
  let otherReq = ZERO;
  const others = input.others ?? [];
  for (let i = 0; i < others.length; i += 1) {
    const o = others[i]!;
    if (o.marginMode !== 'cross' || o.symbol === pos.state.symbol) continue;
    const other = resolvePosition(profile, o, `others.${i}`);
    if (other.spec.settlement !== pos.spec.settlement) {
      throw new RiskInputError(`others.${i}.symbol`, `${o.symbol} settles ${other.spec.settlement}, not in the same wallet as ${pos.state.symbol}`);
    }
    otherUpnl = otherUpnl.plus(otherUnrealizedPnl(other));
    otherReq = otherReq.plus(otherRequirement(family, other));
  }
  const wb = input.walletBalance;
  return { family, pos, walletBalance: wb, otherUpnl, otherReq, effective: wb.plus(otherUpnl).minus(otherReq), fundingRate, sizeEntry };
}

function termsFor(acc: Account, bracket: Bracket, bankruptcyPrice: Dec | null): SelfTerms {
  const fee = bankruptcyCloseFeeRate(acc.family, acc.pos);
  return selfTerms({
    family: acc.family,
    pos: acc.pos,
    bracket,
    fundingRate: acc.fundingRate,
    closeFeeAtBankruptcy: isAboveZero(fee) && bankruptcyPrice ? { rate: fee, bankruptcyPrice } : undefined,
  });
}

function solveWith(acc: Account, terms: SelfTerms): Dec | null {
  const { pos } = acc;
  return solveBalance(pos.spec.settlement, pos.s, pos.size, pos.state.entryPrice, acc.effective, terms.constant, terms.rate, acc.sizeEntry);
}

/** The bracket-at-liquidation rule: find the tier that contains the notional at its own solution. */
function solveAtLiquidationBracket(acc: Account, bankruptcyPrice: Dec | null): { price: Dec | null; bracket: Bracket; terms: SelfTerms } {
  const { brackets } = acc.pos;
  const start = bracketIndexForNotional(brackets, valueAt(acc.pos, acc.pos.state.markPrice));
  for (const idx of tierSearchOrder(start, brackets.length)) {
    const bracket = brackets[idx]!;
    const terms = termsFor(acc, bracket, bankruptcyPrice);
    const price = solveWith(acc, terms);
    // No positive root means N -> 0 (linear P <= 0, inverse P -> infinity): tier 1's territory.
    const holds = price === null ? 0 : bracketIndexForNotional(brackets, valueAt(acc.pos, price));
    if (holds === idx) return { price, bracket, terms };
  }
  // Unreachable while MM is continuous and convex (deriveBrackets guarantees it): the root is unique.
  throw new Error('liquidation price: no bracket contains its own solution');
}

interface Solved {
  readonly price: Dec | null;
  readonly bankruptcyPrice: Dec | null;
  readonly bracket: Bracket;
  readonly terms: SelfTerms;
  readonly basis: LiquidationExplanation['bracketBasis'];
}

function solveLiquidation(acc: Account): Solved {
  const { pos, family } = acc;
  const st = pos.state;
  const closeFee = bankruptcyCloseFeeRate(family, pos);
  const bankruptcyPrice = solveBalance(pos.spec.settlement, pos.s, pos.size, st.entryPrice, acc.effective, ZERO, closeFee, acc.sizeEntry);
  // A short whose margin covers any rise (inverse at 1x) is never bankrupt, so never liquidated:
  // entry-value formulas would otherwise print a huge finite LP (BitMEX shows its 100000000 sentinel).
  const neverBankrupt = pos.s === -1 && bankruptcyPrice === null;
  if (pos.overridden || bracketBasis(family) === 'entry') {
    const bracket = bracketAt(family, pos, st.entryPrice);
    const terms = termsFor(acc, bracket, bankruptcyPrice);
    const price = neverBankrupt ? null : solveWith(acc, terms);
    return { price, bankruptcyPrice, bracket, terms, basis: pos.overridden ? 'override' : 'entry' };
  }
  const found = solveAtLiquidationBracket(acc, bankruptcyPrice);
  return { price: neverBankrupt ? null : found.price, bankruptcyPrice, bracket: found.bracket, terms: found.terms, basis: 'liquidation' };
}

export function explainLiquidation(input: LiquidationInput): LiquidationExplanation {
  const acc = buildAccount(input);
  const { pos, family } = acc;
  const st = pos.state;
  const settlement = pos.spec.settlement;
  const solved = solveLiquidation(acc);
  const bankruptcyPrice = solved.bankruptcyPrice;
  const basis = solved.basis;

  // Margin state at the mark, with the tier that applies at the mark.
  const markBracket = pos.overridden ? solved.bracket : bracketAt(family, pos, st.markPrice);
  const markTerms = termsFor(acc, markBracket, bankruptcyPrice);
  const markValue = valueAt(pos, st.markPrice);
  const upnl = unrealizedPnl(st.side, st.quantity, st.entryPrice, st.markPrice, settlement, pos.spec.contractSize);
  const marginBalance = acc.walletBalance.plus(acc.otherUpnl).plus(upnl);
  const requirement = acc.otherReq.plus(markTerms.constant).plus(markTerms.rate.mul(markValue));
  const mmBasisValue = bracketBasis(family) === 'entry' ? valueAt(pos, st.entryPrice) : markValue;

  return {
    formula: formulaId(family, settlement, st.marginMode),
    description: describeFormula(family, settlement, st.marginMode),
    family,
    settlement,
    marginMode: st.marginMode,
    side: st.side,
    liquidationPrice: solved.price,
    bankruptcyPrice,
    bracket: solved.bracket,
    bracketBasis: basis,
    terms: {
      walletBalance: acc.walletBalance,
      otherUnrealizedPnl: acc.otherUpnl,
      otherRequirement: acc.otherReq,
      effectiveBalance: acc.effective,
      size: pos.size,
      entryPrice: st.entryPrice,
      maintenanceMarginRate: solved.terms.maintenanceMarginRate,
      maintenanceAmount: solved.terms.maintenanceAmount,
      feeRate: solved.terms.feeRate,
      constantTerm: solved.terms.constant,
      rateTerm: solved.terms.rate,
    },
    initialMargin: valueAt(pos, st.entryPrice).div(st.leverage),
    maintenanceMargin: mmBasisValue.mul(markBracket.maintenanceMarginRate).minus(markBracket.maintenanceAmount),
    maintenanceMarginRate: markBracket.maintenanceMarginRate,
    maintenanceAmount: markBracket.maintenanceAmount,
    marginBalance,
    requirement,
    marginRatio: marginRatio(requirement, marginBalance),
  };
}

/**
 * The price at which this position is liquidated, others held at their marks; null when no
 * price can liquidate it (a fully collateralised long, an inverse short at 1x).
 */
export function liquidationPrice(input: LiquidationInput): Dec | null {
  return solveLiquidation(buildAccount(input)).price;
}

/**
 * Both prices of one solve, without the explanation around them (margin at the mark, terms,
 * description): the engine re-solves every position that changes (100,000 when a crowd opens)
 * and needs only these two. Same numbers as explainLiquidation's.
 */
export function liquidationPrices(input: LiquidationInput): { readonly liquidation: Dec | null; readonly bankruptcy: Dec | null } {
  const solved = solveLiquidation(buildAccount(input));
  return { liquidation: solved.price, bankruptcy: solved.bankruptcyPrice };
}

/** The price at which the position's margin balance reaches zero (its whole margin is lost). */
export function bankruptcyPrice(input: LiquidationInput): Dec | null {
  return solveLiquidation(buildAccount(input)).bankruptcyPrice;
}

/**
 * Margin balance and requirement if this position's mark moved to `price` (others unchanged):
 * the two sides of the balance equation. At the liquidation price they are equal.
 */
export function marginStateAt(input: LiquidationInput, price: Dec): { readonly marginBalance: Dec; readonly requirement: Dec } {
  const moved: LiquidationInput = { ...input, position: { ...input.position, markPrice: price } };
  const e = explainLiquidation(moved);
  return { marginBalance: e.marginBalance, requirement: e.requirement };
}
