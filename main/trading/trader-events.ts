import type { PauseEvent } from '#shared/domain/market-replay';
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
