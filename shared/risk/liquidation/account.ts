import { type Dec, ZERO } from '../../money/decimal';
import { RiskInputError } from '../errors';
import { marginRatio } from '../margin';
import type { ExchangeProfile } from '../profile';
import { bracketAt, bracketBasis, otherUnrealizedPnl } from './family-terms';
import { resolvePosition, valueAt, type PositionState } from './position';

/**
 * One position's maintenance margin at its mark: N x mmr - cum, with the tier at the mark
 * (Binance, OKX) or at the entry value (Bybit, BitMEX). Fees are not included.
 */
export function positionMaintenanceMargin(profile: ExchangeProfile, position: PositionState): Dec {
  const pos = resolvePosition(profile, position);
  const st = pos.state;
  const b = bracketAt(profile.family, pos, st.markPrice);
  const basis = bracketBasis(profile.family) === 'entry' ? st.entryPrice : st.markPrice;
  return valueAt(pos, basis).mul(b.maintenanceMarginRate).minus(b.maintenanceAmount);
}

export interface CrossAccountState {
  readonly unrealizedPnl: Dec;
  /** Wallet + unrealised PnL of the cross positions. */
  readonly marginBalance: Dec;
  readonly maintenanceMargin: Dec;
  /** Sum MM / margin balance (Binance's account margin ratio); liquidation at 1; null if bankrupt. */
  readonly marginRatio: Dec | null;
}

/**
 * The cross wallet's state at the marks: what the engine checks on each mark update (is the
 * ratio at 1?) and the Trade view shows in the account panel. Isolated positions are ignored:
 * each has its own wallet (explainLiquidation gives its ratio).
 */
export function crossAccountState(profile: ExchangeProfile, walletBalance: Dec, positions: readonly PositionState[]): CrossAccountState {
  let upnl = ZERO;
  let mm = ZERO;
  let settlement: string | undefined;
  positions.forEach((p, i) => {
    if (p.marginMode !== 'cross') return;
    const pos = resolvePosition(profile, p, `positions.${i}`);
    settlement ??= pos.spec.settlement;
    if (pos.spec.settlement !== settlement) {
      throw new RiskInputError(`positions.${i}.symbol`, `${p.symbol} settles ${pos.spec.settlement}: not in the same wallet as the other positions`);
    }
    upnl = upnl.plus(otherUnrealizedPnl(pos));
    mm = mm.plus(positionMaintenanceMargin(profile, p));
  });
  const balance = walletBalance.plus(upnl);
  return { unrealizedPnl: upnl, marginBalance: balance, maintenanceMargin: mm, marginRatio: marginRatio(mm, balance) };
}
