import type { Side } from '../domain/exchange';
import { Dec, ONE, ZERO } from '../money/decimal';
import type { Settlement } from './contract-spec';
import { RiskInputError } from './errors';
import { sideSign } from './margin';

/**
 * BitMEX auto-deleveraging score (bitmex.com/app/autoDeleveraging):
 *   effective leverage = |MV| / (MV - BV), PnL% = (MV - EV) / |EV|,
 *   score = PnL% x effective leverage if PnL% > 0, else PnL% / effective leverage.
 * MV, BV, EV are signed position values at the mark, bankruptcy and entry prices (negative for
 * a short linear position; for inverse contracts BitMEX's value is -s x Q / P in coin).
 * Null when the position has no finite bankruptcy price (it cannot be deleveraged into a loss).
 */
export function bitmexAdlScore(
  side: Side,
  quantity: Dec,
  entryPrice: Dec,
  markPrice: Dec,
  bankruptcyPrice: Dec | null,
  settlement: Settlement = 'linear',
  contractSize: Dec = ONE,
): Dec | null {
  if (bankruptcyPrice === null) return null;
  const s = sideSign(side);
  const size = quantity.mul(contractSize);
  const value = (p: Dec) => (settlement === 'linear' ? size.mul(p).mul(s) : size.div(p).mul(-s));
  const mv = value(markPrice);
  const bv = value(bankruptcyPrice);
  const ev = value(entryPrice);
  const cushion = mv.minus(bv);
  if (!cushion.gt(0)) return null;
  const effectiveLeverage = mv.abs().div(cushion);
  const pnlPct = mv.minus(ev).div(ev.abs());
  return pnlPct.gt(0) ? pnlPct.mul(effectiveLeverage) : pnlPct.div(effectiveLeverage);
}

/**
 * Binance ADL score (FAQ 360033525471 as quoted on dev.binance.vision 17801):
 *   PnL% = max(0, UPNL) / max(1, WB); margin ratio = MM / (WB + UPNL), 0 if WB + UPNL <= 0;
 *   score = PnL% x margin ratio.
 */
export function binanceAdlScore(unrealizedPnl: Dec, walletBalance: Dec, maintenanceMargin: Dec): Dec {
  const pnlPct = Dec.max(ZERO, unrealizedPnl).div(Dec.max(ONE, walletBalance));
  const balance = walletBalance.plus(unrealizedPnl);
  const ratio = balance.gt(0) ? maintenanceMargin.div(balance) : ZERO;
  return pnlPct.mul(ratio);
}

/**
 * The 5-light ADL indicator: a position ranked `rank` (1 = highest score) among `count` on its
 * side shows 5 lights in the top 20%, 1 light in the bottom 20%.
 */
export function adlQuintile(rank: number, count: number): 1 | 2 | 3 | 4 | 5 {
  if (!Number.isInteger(count) || count < 1) throw new RiskInputError('count', 'must be a positive integer');
  if (!Number.isInteger(rank) || rank < 1 || rank > count) throw new RiskInputError('rank', `must be an integer in 1..${count}`);
  // Integer arithmetic: bucket = floor(5 x (rank - 1) / count), so no float ever decides a light.
  const bucket = Math.floor((5 * (rank - 1)) / count);
  return (5 - bucket) as 1 | 2 | 3 | 4 | 5;
}

export interface AdlCandidate<Id> {
  readonly id: Id;
  readonly quantity: Dec;
  readonly score: Dec;
}

export interface AdlFill<Id> {
  readonly id: Id;
  readonly quantity: Dec;
}

/**
 * Which opposing positions close, and how much, to cover a liquidated size: highest score first,
 * all at the liquidated order's bankruptcy price (the caller prices them). Ties keep input order.
 */
export function adlQueue<Id>(candidates: readonly AdlCandidate<Id>[], sizeToCover: Dec): readonly AdlFill<Id>[] {
  const ranked = candidates.map((c, i) => ({ c, i })).sort((a, b) => b.c.score.comparedTo(a.c.score) || a.i - b.i);
  const fills: AdlFill<Id>[] = [];
  let left = sizeToCover;
  for (const { c } of ranked) {
    if (!left.gt(0)) break;
    const take = Dec.min(left, c.quantity);
    if (take.gt(0)) fills.push({ id: c.id, quantity: take });
    left = left.minus(take);
  }
  return fills;
}
