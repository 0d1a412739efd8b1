import type { OwnPositionMark } from '#shared/domain/heatmap';
import { toWire } from '#shared/money/decimal';
import type { Engine } from '#main/engine/engine';
import { TRADER_ID } from '#main/engine/model/ids';
import { liquidationOf, priceText } from './engine-rows';

/** The trader's positions with their liquidation prices, as the Trade view shows them. */
export function ownMarks(engine: Engine, symbol?: string): OwnPositionMark[] {
  const me = engine.readState.accounts.get(TRADER_ID);
  if (!me) return [];
  return [...me.positions.values()]
    .filter((p) => !symbol || p.symbol === symbol)
    .sort((a, b) => (a.symbol < b.symbol ? -1 : 1))
    .map((p) => {
      const lp = liquidationOf(engine, me, p, true);
      return { symbol: p.symbol, side: p.side, quantity: toWire(p.qty), liquidationPrice: lp ? toWire(priceText(lp)) : null };
    });
}
