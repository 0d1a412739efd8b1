import { type Dec, ONE, roundTo } from '#shared/money/decimal';
import type { EngineContext } from '../context';
import type { MarketState } from '../model/market';
import type { Order } from '../model/order';
import { toFloat } from '#shared/money/to-float';

/**
 * Trailing stop (Binance semantics): once the watched price reaches the activation price (or at
 * once without one), a sell trails the highest price seen and fires when the price falls
 * callbackRate below it; a buy trails the lowest and fires callbackRate above it. The trigger is
 * kept on the tick grid.
 */
export function activateTrailing(m: MarketState, order: Order, watched: Dec): boolean {
  if (order.trailingExtreme) return false;
  const a = order.activation;
  if (a && (order.side === 'sell' ? watched.lt(a) : watched.gt(a))) return false;
  setExtreme(m, order, watched);
  return true;
}

function setExtreme(m: MarketState, order: Order, extreme: Dec): void {
  order.trailingExtreme = extreme;
  const cb = order.callbackRate!;
  const raw = order.side === 'sell' ? extreme.mul(ONE.minus(cb)) : extreme.mul(ONE.plus(cb));
  order.trigger = roundTo(raw, m.spec.tickSize);
}

/** Per tick: moves each live trailing stop of the market with the price (few orders, the trader's). */
export function updateTrailing(ctx: EngineContext, m: MarketState): void {
  const set = ctx.idx.orders.heaps(m.symbol).trailing;
  if (set.size === 0) return;
  for (const id of [...set].sort((a, b) => a - b)) {
    const o = ctx.idx.orders.byId.get(id);
    if (!o || o.status !== 'pending') continue;
    const wF = o.triggerSource === 'mark' ? m.markF : m.lastF;
    const ext = o.trailingExtreme;
    if (ext) {
      const eF = toFloat(ext);
      if (o.side === 'sell' ? wF <= eF : wF >= eF) continue;
      const w = o.triggerSource === 'mark' ? m.mark : m.last;
      if (o.side === 'sell' ? w.lte(ext) : w.gte(ext)) continue;
      setExtreme(m, o, w);
    } else if (!activateTrailing(m, o, o.triggerSource === 'mark' ? m.mark : m.last)) {
      continue;
    }
    // Not reported as an order change: a trending market would move it every tick. The live
    // order (with its extreme and trigger) is always in the engine's open-orders query.
    ctx.idx.orders.place(o);
  }
}
