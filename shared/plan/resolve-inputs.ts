import type { Side } from '../domain/exchange';
import { Dec } from '../money/decimal';
import { getProfile, resolveSizingFees, type BookLiquidity, type ExchangeProfile, type ResolvedSizingFees } from '../risk/index';
import type { PlanInputs } from './plan-body';

/** What the planner reads from the rest of the app; every figure is a decimal string or null. */
export interface PlanContext {
  /** The paper account's margin balance (used when the equity field is blank). */
  readonly accountEquity: string | null;
  /** The market's last price (a market entry with no typed price). */
  readonly lastPrice: string | null;
  /** ATR of the stored candles at the chosen period (for the ATR stop). */
  readonly atr: string | null;
  /** Lowest low and highest high of the last N stored candles (for the swing stop). */
  readonly swing: { readonly low: string; readonly high: string } | null;
  /**
   * The paper account for cross margin: its cross wallet (without isolated margins) and its open
   * positions, which share that wallet. Null without a session.
   */
  readonly cross?: PlanCrossAccount | null;
  /** The book the stop's slippage is priced on (default: the calibrated book, as `levdesk size`). */
  readonly book?: BookLiquidity;
}

/** An open position of the paper account, as trading.state sends it (decimal strings). */
export interface PlanOtherPosition {
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: string;
  readonly entryPrice: string;
  readonly markPrice: string;
  readonly leverage: number;
  readonly marginMode: 'isolated' | 'cross';
}

export interface PlanCrossAccount {
  readonly walletBalance: string;
  readonly positions: readonly PlanOtherPosition[];
}

export const EMPTY_CONTEXT: PlanContext = { accountEquity: null, lastPrice: null, atr: null, swing: null };

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** Where an input's value came from, shown beside it. */
export type Origin = 'typed' | 'account' | 'last price' | 'atr' | 'swing' | 'percent';

export interface ResolvedPlan {
  readonly profile: ExchangeProfile;
  readonly symbol: string;
  readonly side: Side;
  readonly equity: Dec;
  readonly equityOrigin: Origin;
  readonly riskFraction: Dec;
  readonly entry: Dec;
  readonly entryOrigin: Origin;
  readonly stop: Dec;
  readonly stopOrigin: Origin;
  readonly leverage: Dec;
  /** The rates in force: typed, or the defaults (taker fees; the book model's slippage once sized). */
  readonly fees: ResolvedSizingFees;
  /** What was typed (undefined: take the default). */
  readonly given: { readonly entryRate?: Dec | undefined; readonly exitRate?: Dec | undefined; readonly stopSlippageRate?: Dec | undefined };
}

const NUMBER = /^\d+(\.\d+)?$|^\.\d+$/;

/** A typed decimal: "60,000", "60 000" and "60_000" read as 60000; anything else is null. */
export function readDecimal(text: string): Dec | null {
  const t = text.trim().replace(/[,_\s]/g, '');
  return NUMBER.test(t) ? new Dec(t) : null;
}

function positive(text: string, field: string, label: string, problems: FieldProblem[]): Dec | null {
  if (text.trim() === '') {
    problems.push({ field, message: `Enter ${label}.` });
    return null;
  }
  const d = readDecimal(text);
  if (!d || !d.gt(0)) {
    problems.push({ field, message: `${label[0]!.toUpperCase()}${label.slice(1)} must be a number greater than zero.` });
    return null;
  }
  return d;
}

function optionalRate(text: string, field: string, problems: FieldProblem[]): Dec | undefined {
  if (text.trim() === '') return undefined;
  const d = readDecimal(text);
  if (!d || !d.lt(100)) {
    problems.push({ field, message: 'A fee or slippage is a percentage from 0 up to 100.' });
    return undefined;
  }
  return d.div(100);
}

/**
 * Turns what the trader typed into exact inputs, naming every field that cannot be read. The
 * side follows the stop when it is a price (below the entry: long); the other stop modes place
 * the stop from the chosen side.
 */
export function resolvePlanInputs(inputs: PlanInputs, ctx: PlanContext): { ok: true; plan: ResolvedPlan } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const profile = getProfile(inputs.profile);

  let equity: Dec | null;
  let equityOrigin: Origin = 'typed';
  if (inputs.equity.trim() === '' && ctx.accountEquity) {
    equity = new Dec(ctx.accountEquity);
    equityOrigin = 'account';
    if (!equity.gt(0)) problems.push({ field: 'equity', message: 'The paper account holds nothing: type an equity.' });
  } else {
    equity = positive(inputs.equity, 'equity', 'the equity', problems);
  }

  let entry: Dec | null;
  let entryOrigin: Origin = 'typed';
  if (inputs.entry.trim() === '' && inputs.entryKind === 'market' && ctx.lastPrice) {
    entry = new Dec(ctx.lastPrice);
    entryOrigin = 'last price';
  } else {
    entry = positive(inputs.entry, 'entry', 'the entry price', problems);
  }

  let riskFraction: Dec | null = null;
  if (inputs.riskMode === 'percent') {
    const pct = positive(inputs.riskPercent, 'risk', 'the risk', problems);
    if (pct && pct.gt(100)) problems.push({ field: 'risk', message: 'The risk is at most 100% of equity.' });
    else if (pct) riskFraction = pct.div(100);
  } else {
    const cash = positive(inputs.riskCash, 'risk', 'the risk in cash', problems);
    if (cash && equity && cash.gt(equity)) problems.push({ field: 'risk', message: 'The risk cannot exceed the equity.' });
    else if (cash && equity) riskFraction = cash.div(equity);
  }

  let side: Side = inputs.side;
  let stop: Dec | null = null;
  let stopOrigin: Origin = 'typed';
  const s = side === 'long' ? -1 : 1;
  switch (inputs.stopMode) {
    case 'price':
      stop = positive(inputs.stop, 'stop', 'the stop price', problems);
      if (stop && entry) {
        if (stop.eq(entry)) problems.push({ field: 'stop', message: 'The stop must differ from the entry: below it for a long, above for a short.' });
        else side = stop.lt(entry) ? 'long' : 'short';
      }
      break;
    case 'percent': {
      const pct = positive(inputs.stopPercent, 'stop', 'the stop distance', problems);
      if (pct && !pct.lt(100)) problems.push({ field: 'stop', message: 'The stop distance is under 100%.' });
      else if (pct && entry) stop = entry.mul(new Dec(1).plus(pct.div(100).mul(s)));
      stopOrigin = 'percent';
      break;
    }
    case 'atr': {
      const k = positive(inputs.atrMultiple, 'stop', 'the ATR multiple', problems);
      if (!ctx.atr) problems.push({ field: 'stop', message: 'No ATR: choose a history window with enough candles.' });
      else if (k && entry) stop = entry.plus(new Dec(ctx.atr).mul(k).mul(s));
      stopOrigin = 'atr';
      break;
    }
    case 'swing': {
      if (!ctx.swing) problems.push({ field: 'stop', message: 'No candles to find the swing in: choose a history window.' });
      else stop = new Dec(side === 'long' ? ctx.swing.low : ctx.swing.high);
      stopOrigin = 'swing';
      break;
    }
    default: {
      const never: never = inputs.stopMode;
      throw new Error(`unknown stop mode ${String(never)}`);
    }
  }
  if (stop && entry && inputs.stopMode !== 'price') {
    if (!stop.gt(0)) problems.push({ field: 'stop', message: 'The stop lands at or below zero.' });
    else if (side === 'long' ? !stop.lt(entry) : !stop.gt(entry)) {
      problems.push({ field: 'stop', message: `The ${inputs.stopMode === 'swing' ? 'swing' : 'stop'} is on the wrong side of the entry for a ${side}.` });
    }
  }

  const given = {
    entryRate: optionalRate(inputs.feeEntryPercent, 'feeEntry', problems),
    exitRate: optionalRate(inputs.feeExitPercent, 'feeExit', problems),
    stopSlippageRate: optionalRate(inputs.slippagePercent, 'slippage', problems),
  };
  const fees = resolveSizingFees(profile, given);

  if (problems.length > 0 || !equity || !entry || !stop || !riskFraction) return { ok: false, problems };
  return {
    ok: true,
    plan: {
      profile,
      symbol: inputs.symbol,
      side,
      equity,
      equityOrigin,
      riskFraction,
      entry,
      entryOrigin,
      stop,
      stopOrigin,
      leverage: new Dec(inputs.leverage),
      fees,
      given,
    },
  };
}
