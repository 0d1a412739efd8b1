import type { MarginMode, Side } from '#shared/domain/exchange';
import { Dec } from '#shared/money/decimal';
import type { PositionState } from '#shared/risk/index';

export const d = (x: string | number): Dec => new Dec(x);

/** A position at its entry price unless a mark is given; decimals as text or numbers. */
export function pos(p: {
  symbol?: string;
  side: Side;
  qty: string | number;
  entry: string | number;
  mark?: string | number;
  mode?: MarginMode;
  lev?: string | number;
  margin?: string | number;
  mmr?: string | number;
  cum?: string | number;
  taker?: string | number;
  contractSize?: string | number;
}): PositionState {
  return {
    symbol: p.symbol ?? 'BTCUSDT',
    side: p.side,
    quantity: d(p.qty),
    entryPrice: d(p.entry),
    markPrice: d(p.mark ?? p.entry),
    marginMode: p.mode ?? 'isolated',
    leverage: d(p.lev ?? 10),
    ...(p.margin === undefined ? {} : { isolatedMargin: d(p.margin) }),
    ...(p.mmr === undefined ? {} : { maintenanceOverride: { rate: d(p.mmr), amount: d(p.cum ?? 0) } }),
    ...(p.taker === undefined ? {} : { takerFeeRate: d(p.taker) }),
    ...(p.contractSize === undefined ? {} : { contractSize: d(p.contractSize) }),
  };
}

/** Rounds half-even to `dp` places for comparison with published figures. */
export function fixed(x: Dec | null, dp: number): string | null {
  return x === null ? null : x.toFixed(dp);
}
