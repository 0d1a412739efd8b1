import type { MarginMode, ProfileId } from '#shared/domain/exchange';
import { Dec, toWire } from '#shared/money/decimal';
import { getProfile, resolveSizingFees, sizePosition } from '#shared/risk/index';
import { parseUserDecimal } from '../../../components/format/decimal-text';

/** What the "Risk" quantity mode needs besides the ticket's own fields. */
export interface RiskContext {
  /** The paper account's margin balance. */
  readonly equity: string | null;
  readonly profile: ProfileId;
  readonly leverage: number;
  readonly marginMode: MarginMode;
}

export type RiskIn = 'percent' | 'cash';

/**
 * The "Risk" quantity: the size whose attached stop costs the typed risk (a % of equity, or cash),
 * fees and slippage included: the same sizePosition, with the same default fees (the profile's
 * taker rate both ways), that the Planner and `levdesk size` use.
 */
export function riskQuantity(p: { risk: string; riskIn: RiskIn; side: 'buy' | 'sell'; entry: string | null; stop: string | null; symbol: string }, ctx: RiskContext): { ok: true; value: string; budget: string } | { ok: false; message: string } {
  const risk = parseUserDecimal(p.risk);
  if (!risk) return { ok: false, message: 'Enter the risk.' };
  if (!p.stop) return { ok: false, message: 'Risk sizing needs the attached stop: turn on Stop loss and enter its price.' };
  if (!p.entry) return { ok: false, message: 'Risk sizing needs an entry price (the limit, or the last price).' };
  if (!ctx.equity || !new Dec(ctx.equity).gt(0)) return { ok: false, message: 'The account holds nothing to risk.' };
  const equity = new Dec(ctx.equity);
  const fraction = p.riskIn === 'percent' ? new Dec(risk).div(100) : new Dec(risk).div(equity);
  if (fraction.gt(1)) return { ok: false, message: 'The risk is more than the equity.' };
  const side = p.side === 'buy' ? 'long' : 'short';
  const entry = new Dec(p.entry);
  const stop = new Dec(p.stop);
  if (side === 'long' ? !stop.lt(entry) : !stop.gt(entry)) return { ok: false, message: `A ${side}'s stop must be ${side === 'long' ? 'below' : 'above'} the entry.` };
  const profile = getProfile(ctx.profile);
  const fees = resolveSizingFees(profile);
  const r = sizePosition({ profile, symbol: p.symbol, side, equity, riskFraction: fraction, entry, stop, leverage: new Dec(ctx.leverage), marginMode: ctx.marginMode, fees });
  if (!r.quantity.gt(0)) return { ok: false, message: 'This risk buys less than one step.' };
  return { ok: true, value: toWire(r.quantity), budget: toWire(r.riskBudget) };
}

/**
 * What the attached stop would cost if it fills: q x |entry - stop| plus the entry fee at this
 * order's rate and the stop-market exit at the taker rate. Null when it cannot be said (no
 * stop, no quantity, or a stop on the profit side).
 */
export function lossAtStop(p: { side: 'buy' | 'sell'; quantity: string | null; entry: string | null; stop: string | null; entryFeeRate: string | null; profile: ProfileId }): string | null {
  if (!p.quantity || !p.entry || !p.stop) return null;
  const q = new Dec(p.quantity);
  const entry = new Dec(p.entry);
  const stop = new Dec(p.stop);
  const s = p.side === 'buy' ? 1 : -1;
  const move = entry.minus(stop).mul(s);
  if (!move.gt(0)) return null;
  const taker = getProfile(p.profile).fees.taker;
  const feeIn = new Dec(p.entryFeeRate ?? taker);
  return toWire(q.mul(move).plus(q.mul(entry).mul(feeIn)).plus(q.mul(stop).mul(taker)));
}
