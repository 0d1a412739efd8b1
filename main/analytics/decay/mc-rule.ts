import type { McRebalanceInput } from '#shared/domain/decay-mc';
import type { McRebalance } from '#shared/risk/tokens/mc/model';

/** The JSON rule ("daily" or as in levdesk decay) as the kernel's rule. */
export function mcRule(r: McRebalanceInput): McRebalance {
  if (r === 'daily') return { kind: 'daily' };
  if ('priceBand' in r) return { kind: 'price-band', band: r.priceBand, daily: r.daily };
  return {
    kind: 'leverage-band',
    maxAbsLeverage: r.maxAbsLeverage,
    daily: r.daily,
    ...(r.minAbsLeverage !== undefined ? { minAbsLeverage: r.minAbsLeverage } : {}),
    ...(r.rebalanceTo !== undefined ? { rebalanceTo: r.rebalanceTo } : {}),
    ...(r.targetFollow !== undefined ? { targetFollow: r.targetFollow } : {}),
  };
}

