import { Dec, ONE, ZERO } from '../../money/decimal';
import { RiskInputError } from '../errors';
import type { PricePath } from './path';

/**
 * How a leveraged token returns to its target leverage:
 * - daily: at every daily close (FTX's scheduled 00:02 UTC rebalance, Binance/KuCoin daily);
 * - leverage-band: when |leverage| reaches maxAbsLeverage (FTX: 4 for a 3x token) or falls to
 *   minAbsLeverage (Bybit: 2), at the exact crossing price, to rebalanceTo; plus the daily close
 *   rebalance when `daily` (FTX did both);
 * - price-band: when price moves `band` from the last rebalance price (KuCoin/Amun 15%).
 *
 * targetFollow (leverage-band only, OUR MODEL of Binance's variable, unpublished target): a band
 * rebalance goes only part of the way back, to |target| + follow x (|realised| - |target|), where
 * |realised| is the leverage the drift reached (clamped to the band); 0 is the fixed target.
 */
export type RebalanceRule =
  | { readonly kind: 'daily' }
  | { readonly kind: 'leverage-band'; readonly maxAbsLeverage: Dec; readonly minAbsLeverage?: Dec; readonly rebalanceTo?: Dec; readonly targetFollow?: Dec; readonly daily: boolean }
  | { readonly kind: 'price-band'; readonly band: Dec; readonly daily: boolean };

export interface TokenCosts {
  /** Fraction of NAV taken at each daily close (FTX 0.0003, Binance 0.0001, Bybit 0.00005). */
  readonly managementFeePerDay: Dec;
  /** Funding rate per day on the end-of-day notional; positive charges longs and pays shorts. */
  readonly fundingPerDay: Dec;
  /** Per-day funding (e.g. the stored history of the window, summed per day); day i uses [i - 1], fundingPerDay past its end. */
  readonly fundingByDay?: readonly Dec[];
}

export interface RebalanceEvent {
  /** 1-based day of the path. */
  readonly day: number;
  readonly price: Dec;
  readonly navBefore: Dec;
  readonly reason: 'daily' | 'threshold' | 'gap';
  /** The leverage the rebalance set (differs from the target under a variable-target band). */
  readonly leverageAfter: Dec;
}

export interface TokenResult {
  readonly valueEnd: Dec;
  /** NAV at the start (1) and at each daily close, after fees and any rebalance. */
  readonly path: readonly Dec[];
  readonly rebalances: number;
  readonly events: readonly RebalanceEvent[];
  /** The day the token's NAV reached zero (its own position was liquidated), if it did. */
  readonly wipedOutDay: number | null;
  /** Sum of |units traded| x price over every rebalance (not the initial purchase), in start capitals. */
  readonly turnover: Dec;
  readonly feesPaid: Dec;
  /** Funding paid (negative: received). */
  readonly fundingPaid: Dec;
}

interface State {
  units: Dec;
  cash: Dec;
  refPrice: Dec;
  turnover: Dec;
}

const MAX_TRIGGERS_PER_SEGMENT = 100_000;

function nav(st: State, p: Dec): Dec {
  return st.cash.plus(st.units.mul(p));
}

function relever(st: State, p: Dec, target: Dec): void {
  const value = nav(st, p);
  const before = st.units;
  st.units = target.mul(value).div(p);
  st.turnover = st.turnover.plus(st.units.minus(before).abs().mul(p));
  st.cash = value.minus(st.units.mul(p));
  st.refPrice = p;
}

/** Prices at which the rule fires, given the current holdings (unordered, may be out of range). */
function triggerPrices(rule: RebalanceRule, st: State, sign: Dec): Dec[] {
  switch (rule.kind) {
    case 'daily':
      return [];
    case 'price-band':
      return [st.refPrice.mul(ONE.plus(rule.band)), st.refPrice.mul(ONE.minus(rule.band))];
    case 'leverage-band': {
      // leverage(P) = u P / (c + u P) = L*  <=>  P = L* c / (u (1 - L*)).
      const out: Dec[] = [];
      const bounds = rule.minAbsLeverage ? [rule.maxAbsLeverage, rule.minAbsLeverage] : [rule.maxAbsLeverage];
      for (const b of bounds) {
        const target = b.mul(sign);
        const den = st.units.mul(ONE.minus(target));
        if (!den.isZero()) out.push(target.mul(st.cash).div(den));
      }
      return out;
    }
    default: {
      const never: never = rule;
      throw new Error(`unknown rebalance rule ${String(never)}`);
    }
  }
}

/**
 * The leverage a band rebalance at price p goes to: the target, or under targetFollow the target
 * moved toward the leverage the drift reached (tokens.md, "variable target").
 */
function bandTarget(rule: RebalanceRule, st: State, p: Dec, target: Dec): Dec {
  if (rule.kind !== 'leverage-band' || !rule.targetFollow || rule.targetFollow.isZero()) return target;
  const value = nav(st, p);
  if (!value.gt(0)) return target;
  let drifted = st.units.mul(p).div(value).abs();
  if (drifted.gt(rule.maxAbsLeverage)) drifted = rule.maxAbsLeverage;
  if (rule.minAbsLeverage && drifted.lt(rule.minAbsLeverage)) drifted = rule.minAbsLeverage;
  const abs = target.abs();
  return abs.plus(rule.targetFollow.mul(drifted.minus(abs))).mul(target.s);
}

function outsideBand(rule: RebalanceRule, st: State, p: Dec): boolean {
  switch (rule.kind) {
    case 'daily':
      return false;
    case 'price-band':
      return p.div(st.refPrice).minus(1).abs().gte(rule.band);
    case 'leverage-band': {
      const value = nav(st, p);
      const lev = st.units.mul(p).div(value).abs();
      return lev.gte(rule.maxAbsLeverage) || (rule.minAbsLeverage !== undefined && lev.lte(rule.minAbsLeverage));
    }
    default: {
      const never: never = rule;
      throw new Error(`unknown rebalance rule ${String(never)}`);
    }
  }
}

/**
 * A leveraged token along a path, its value normalised to 1 at the start (tokens-and-sizing.md
 * section 2 and the comparator conventions): NAV is linear in price between rebalances; funding
 * and the management fee are charged at each daily close, then the daily re-lever if any. A NAV
 * that reaches zero stays at zero (the token's own position was liquidated): never negative.
 */
export function simulateToken(path: PricePath, leverage: Dec, rule: RebalanceRule, costs: TokenCosts): TokenResult {
  if (leverage.isZero()) throw new RiskInputError('leverage', 'must not be zero');
  // A target on the other side would silently turn a short token long at its first rebalance.
  if (rule.kind === 'leverage-band' && rule.rebalanceTo !== undefined && (rule.rebalanceTo.isZero() || rule.rebalanceTo.isNeg() !== leverage.isNeg())) {
    throw new RiskInputError('rebalance.rebalanceTo', `must have the sign of leverage (${leverage.toFixed()}) and not be zero`);
  }
  const target = rule.kind === 'leverage-band' ? (rule.rebalanceTo ?? leverage) : leverage;
  if (rule.kind === 'leverage-band' && !rule.maxAbsLeverage.gt(target.abs())) {
    throw new RiskInputError('rebalance.maxAbsLeverage', 'must be above the target leverage');
  }
  if (rule.kind === 'price-band' && (!rule.band.gt(0) || !rule.band.lt(1))) throw new RiskInputError('rebalance.priceBand', 'must be in (0, 1)');
  if (rule.kind === 'leverage-band' && rule.targetFollow && (rule.targetFollow.isNeg() || !rule.targetFollow.lt(1))) throw new RiskInputError('rebalance.targetFollow', 'must be a fraction in [0, 1)');
  const sign = new Dec(target.gt(0) ? 1 : -1);
  const st: State = { units: ZERO, cash: ONE, refPrice: path.start, turnover: ZERO };
  relever(st, path.start, target);
  st.turnover = ZERO;
  let feesPaid = ZERO;
  let fundingPaid = ZERO;

  const values: Dec[] = [ONE];
  const events: RebalanceEvent[] = [];
  let wipedOutDay: number | null = null;
  let price = path.start;
  const wipe = (day: number) => {
    wipedOutDay = day;
    st.units = ZERO;
    st.cash = ZERO;
  };

  /** Walks one day's gap and moves; false when the NAV reached zero on the way. */
  const walk = (d: PricePath['days'][number], day: number): boolean => {
    if (d.gapTo) {
      price = d.gapTo;
      if (!nav(st, price).gt(0)) return false;
      if (outsideBand(rule, st, price)) {
        const to = bandTarget(rule, st, price, target);
        events.push({ day, price, navBefore: nav(st, price), reason: 'gap', leverageAfter: to });
        relever(st, price, to);
      }
    }
    for (const to of d.moves) {
      const dir = to.minus(price).s;
      for (let guard = 0; dir !== 0; guard += 1) {
        if (guard > MAX_TRIGGERS_PER_SEGMENT) throw new RiskInputError('rebalance', 'the band is too narrow for this path');
        let next: Dec | null = null;
        for (const p of triggerPrices(rule, st, sign)) {
          const ahead = p.minus(price).mul(dir).gt(0) && to.minus(p).mul(dir).gte(0);
          if (ahead && (next === null || p.minus(price).abs().lt(next.minus(price).abs()))) next = p;
        }
        // NAV is linear between vertices: if it is not positive at the trigger, it hit zero first.
        if (next === null || !nav(st, next).gt(0)) break;
        const lev = bandTarget(rule, st, next, target);
        events.push({ day, price: next, navBefore: nav(st, next), reason: 'threshold', leverageAfter: lev });
        relever(st, next, lev);
        price = next;
      }
      price = to;
      if (!nav(st, price).gt(0)) return false;
    }
    return true;
  };

  path.days.forEach((d, i) => {
    const day = i + 1;
    if (wipedOutDay === null && !walk(d, day)) wipe(day);
    if (wipedOutDay !== null) {
      values.push(ZERO);
      return;
    }
    const close = price;
    // Funding on the end-of-day notional, then the management fee on NAV, then the re-lever.
    const funding = st.units.mul(close).mul(costs.fundingByDay?.[i] ?? costs.fundingPerDay);
    st.cash = st.cash.minus(funding);
    const fee = nav(st, close).mul(costs.managementFeePerDay);
    st.cash = st.cash.minus(fee);
    fundingPaid = fundingPaid.plus(funding);
    feesPaid = feesPaid.plus(fee);
    if (!nav(st, close).gt(0)) {
      wipe(day);
      values.push(ZERO);
      return;
    }
    if (rule.kind === 'daily' || rule.daily) {
      events.push({ day, price: close, navBefore: nav(st, close), reason: 'daily', leverageAfter: target });
      relever(st, close, target);
    }
    values.push(nav(st, close));
  });

  return { valueEnd: values[values.length - 1]!, path: values, rebalances: events.length, events, wipedOutDay, turnover: st.turnover, feesPaid, fundingPaid };
}
