import { Dec, ZERO, type DecimalLike } from '../money/decimal';
import { RiskInputError } from './errors';

/**
 * One tier of a tiered ("tax-bracket") maintenance-margin table. Notionals are in the settlement
 * currency (USDT for linear contracts, the coin for inverse ones); the tier applies for
 * notionalFloor < N <= notionalCap. MM(N) = N x maintenanceMarginRate - maintenanceAmount.
 */
export interface Bracket {
  readonly tier: number;
  readonly notionalFloor: Dec;
  readonly notionalCap: Dec;
  readonly maxLeverage: Dec;
  readonly maintenanceMarginRate: Dec;
  /** "cum" (Binance) / "MM deduction" (Bybit): keeps MM continuous across tier boundaries. */
  readonly maintenanceAmount: Dec;
}

/** A tier as published: floor, cap, max leverage and rate. The maintenance amount is derived. */
export interface BracketRow {
  readonly floor: DecimalLike;
  readonly cap: DecimalLike;
  readonly maxLeverage: DecimalLike;
  readonly mmr: DecimalLike;
}

/** A published tier that also states its maintenance amount, to be checked against the derivation. */
export interface StatedBracketRow extends BracketRow {
  readonly cum: DecimalLike;
}

/**
 * Builds a bracket table from published tiers, deriving each maintenance amount with
 * cum_k = cum_{k-1} + floor_k x (mmr_k - mmr_{k-1}), cum_1 = 0 (Binance FAQ b3c689c1; the
 * recurrence is what makes MM continuous at every boundary).
 *
 * The table must start at 0, be contiguous, have non-decreasing rates and non-increasing
 * leverage: the liquidation solver relies on MM being continuous and convex in the notional.
 */
export function deriveBrackets(rows: readonly BracketRow[], field = 'brackets'): readonly Bracket[] {
  if (rows.length === 0) throw new RiskInputError(field, 'a bracket table needs at least one tier');
  const out: Bracket[] = [];
  let prevCap = ZERO;
  let prevRate = ZERO;
  let cum = ZERO;
  rows.forEach((row, i) => {
    const at = `${field}.${i}`;
    const floor = new Dec(row.floor);
    const cap = new Dec(row.cap);
    const maxLeverage = new Dec(row.maxLeverage);
    const rate = new Dec(row.mmr);
    if (!floor.eq(prevCap)) {
      throw new RiskInputError(`${at}.floor`, `tier ${i + 1} starts at ${floor.toFixed()} but the previous tier ends at ${prevCap.toFixed()}`);
    }
    if (!cap.gt(floor)) throw new RiskInputError(`${at}.cap`, `tier ${i + 1} cap must be above its floor`);
    if (!rate.gt(0) || !rate.lt(1)) throw new RiskInputError(`${at}.mmr`, 'maintenance margin rate must be in (0, 1)');
    if (rate.lt(prevRate)) throw new RiskInputError(`${at}.mmr`, `tier ${i + 1} rate is below the previous tier's`);
    if (!maxLeverage.gte(1)) throw new RiskInputError(`${at}.maxLeverage`, 'max leverage must be at least 1');
    const prev = out[i - 1];
    if (prev && maxLeverage.gt(prev.maxLeverage)) {
      throw new RiskInputError(`${at}.maxLeverage`, `tier ${i + 1} allows more leverage than tier ${i}`);
    }
    if (i > 0) cum = cum.plus(floor.mul(rate.minus(prevRate)));
    out.push({ tier: i + 1, notionalFloor: floor, notionalCap: cap, maxLeverage, maintenanceMarginRate: rate, maintenanceAmount: cum });
    prevCap = cap;
    prevRate = rate;
  });
  return out;
}

/** A continuity break found in a published table: the stated cum differs from the derived one. */
export interface BracketContinuityIssue {
  readonly tier: number;
  readonly stated: Dec;
  readonly derived: Dec;
  /** MM just below and just above the tier's floor with the stated amounts: they differ. */
  readonly jumpAtFloor: Dec;
}

/** Compares stated maintenance amounts with the recurrence; an empty list means MM is continuous. */
export function checkStatedBrackets(rows: readonly StatedBracketRow[], field = 'brackets'): readonly BracketContinuityIssue[] {
  const derived = deriveBrackets(rows, field);
  const issues: BracketContinuityIssue[] = [];
  derived.forEach((b, i) => {
    const stated = new Dec(rows[i]!.cum);
    if (!stated.eq(b.maintenanceAmount)) {
      const prev = i > 0 ? derived[i - 1]! : undefined;
      const prevStated = i > 0 ? new Dec(rows[i - 1]!.cum) : ZERO;
      const below = prev ? b.notionalFloor.mul(prev.maintenanceMarginRate).minus(prevStated) : ZERO;
      const above = b.notionalFloor.mul(b.maintenanceMarginRate).minus(stated);
      issues.push({ tier: b.tier, stated, derived: b.maintenanceAmount, jumpAtFloor: above.minus(below) });
    }
  });
  return issues;
}

/**
 * Accepts a table that states its maintenance amounts (an exchange API response, a file) only if
 * every stated amount keeps MM continuous; throws naming the first tier that breaks it.
 */
export function bracketsFromStated(rows: readonly StatedBracketRow[], field = 'brackets'): readonly Bracket[] {
  const issues = checkStatedBrackets(rows, field);
  const first = issues[0];
  if (first) {
    throw new RiskInputError(
      `${field}.${first.tier - 1}.cum`,
      `tier ${first.tier} states maintenance amount ${first.stated.toFixed()} but continuity requires ${first.derived.toFixed()} (MM jumps by ${first.jumpAtFloor.toFixed()} at the tier floor)`,
    );
  }
  return deriveBrackets(rows, field);
}

/**
 * The tier whose (floor, cap] holds the notional. A notional at or below zero uses tier 1; one
 * past the last cap uses the last tier (the position is beyond the table: check with
 * exceedsBrackets, order entry should have refused it).
 */
export function bracketForNotional(brackets: readonly Bracket[], notional: Dec): Bracket {
  for (const b of brackets) {
    if (notional.lte(b.notionalCap)) return b;
  }
  return brackets[brackets.length - 1]!;
}

export function bracketIndexForNotional(brackets: readonly Bracket[], notional: Dec): number {
  for (let i = 0; i < brackets.length; i += 1) {
    if (notional.lte(brackets[i]!.notionalCap)) return i;
  }
  return brackets.length - 1;
}

export function exceedsBrackets(brackets: readonly Bracket[], notional: Dec): boolean {
  return notional.gt(brackets[brackets.length - 1]!.notionalCap);
}

/** MM(N) = N x mmr - cum of the tier holding N. Continuous in N by construction of the table. */
export function maintenanceMargin(brackets: readonly Bracket[], notional: Dec): Dec {
  const b = bracketForNotional(brackets, notional);
  return notional.mul(b.maintenanceMarginRate).minus(b.maintenanceAmount);
}

export function maxLeverageForNotional(brackets: readonly Bracket[], notional: Dec): Dec {
  return bracketForNotional(brackets, notional).maxLeverage;
}

/**
 * The largest notional a position may reach at this leverage: the cap of the last tier whose
 * max leverage still allows it. Zero when the leverage exceeds even tier 1's maximum.
 */
export function maxNotionalForLeverage(brackets: readonly Bracket[], leverage: Dec): Dec {
  let cap = ZERO;
  for (const b of brackets) {
    if (b.maxLeverage.gte(leverage)) cap = b.notionalCap;
  }
  return cap;
}

/** A one-tier table for an explicit (rate, amount) override, e.g. the CLI's maintenanceMarginRate. */
export function fixedBracket(rate: Dec, amount: Dec, maxLeverage: Dec = new Dec(125)): Bracket {
  return {
    tier: 1,
    notionalFloor: ZERO,
    notionalCap: new Dec('1e30'),
    maxLeverage,
    maintenanceMarginRate: rate,
    maintenanceAmount: amount,
  };
}
