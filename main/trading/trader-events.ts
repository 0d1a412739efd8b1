import type { PauseEvent } from '#shared/domain/market-replay';
import type { FillView, LiquidationView } from '#shared/domain/trading-history';
import type { OrderView } from '#shared/domain/trading-orders';
import type { OrderResult } from '#shared/ipc/channels/trading';
import type { Effect } from '#main/engine/effects';
import { TRADER_ID } from '#main/engine/model/ids';

/** The trader's events among a market event's effects (liquidation and ADL fills are not "your fill"). */
export function traderEvents(effects: readonly Effect[]): PauseEvent[] {
  const out = new Set<PauseEvent>();
  for (const e of effects) {
    if (e.kind === 'liquidation' && e.liquidation.account === TRADER_ID) out.add('liquidation');
    else if (e.kind === 'liquidation' && e.liquidation.adl.some((s) => s.account === TRADER_ID)) out.add('adl');
    else if (e.kind === 'triggered' && e.account === TRADER_ID) out.add('stop');
    else if (e.kind === 'fill' && e.fill.account === TRADER_ID && e.fill.liquidity !== 'liquidation' && e.fill.liquidity !== 'adl') out.add('fill');
  }
  return [...out];
}

/** An order command's answer: order `id` as it ended up, its fills, and any liquidations it set off. */
export function orderResult(effects: readonly Effect[], id: number): OrderResult {
  let order: OrderView | null = null;
  const fills: FillView[] = [];
  const liquidations: LiquidationView[] = [];
  for (const e of effects) {
    if (e.kind === 'order' && e.order.id === id) order = e.order;
    if (e.kind === 'fill' && e.fill.orderId === id) fills.push(e.fill);
    if (e.kind === 'liquidation') liquidations.push(e.liquidation);
  }
  return { order, fills, liquidations };
}
