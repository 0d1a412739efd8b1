import { type Dec, ZERO } from '../../money/decimal';
import { RiskInputError } from '../errors';
import { avellanedaZhang } from './approximation';
import { simulateMarginPosition, type MarginPositionResult } from './margin-position';
import { closes, type PricePath } from './path';
import { simulateToken, type RebalanceRule, type TokenCosts, type TokenResult } from './token';

export interface DecayInput {
  /** Signed target leverage: 3 for a 3x long token, -3 for a 3x short (BEAR). */
  readonly leverage: Dec;
  readonly path: PricePath;
  readonly rebalance: RebalanceRule;
  readonly costs?: Partial<TokenCosts>;
  /** Of the static margin position (isolated, no maintenance amount). */
  readonly maintenanceMarginRate: Dec;
}

export interface DecayComparison {
  readonly token: TokenResult;
  readonly margin: MarginPositionResult;
  readonly spot: { readonly valueEnd: Dec };
  /** Avellaneda-Zhang on the daily closes: a float analytic, not an exact value. */
  readonly approximation: { readonly valueEnd: number; readonly kind: 'float-analytic' };
}

/** Token vs a static margin position of the same leverage vs spot, all from a capital of 1. */
export function simulateDecay(input: DecayInput): DecayComparison {
  if (input.leverage.isZero()) throw new RiskInputError('leverage', 'must not be zero');
  const costs: TokenCosts = {
    managementFeePerDay: input.costs?.managementFeePerDay ?? ZERO,
    fundingPerDay: input.costs?.fundingPerDay ?? ZERO,
    ...(input.costs?.fundingByDay ? { fundingByDay: input.costs.fundingByDay } : {}),
  };
  const path: PricePath = input.path;
  const cs = closes(path);
  const token = simulateToken(path, input.leverage, input.rebalance, costs);
  const margin = simulateMarginPosition(path, input.leverage, input.maintenanceMarginRate, costs.fundingPerDay, costs.fundingByDay);
  const spot = { valueEnd: cs[cs.length - 1]!.div(path.start) };
  // A per-day funding history enters the approximation as its mean rate (sum(funding) / days).
  const days = path.days.length;
  const byDay = costs.fundingByDay;
  const meanFunding = byDay ? path.days.reduce((acc, _d, i) => acc + (byDay[i] ?? costs.fundingPerDay).toNumber(), 0) / days : costs.fundingPerDay.toNumber();
  const approx = avellanedaZhang(cs, input.leverage.toNumber(), costs.managementFeePerDay.toNumber(), meanFunding);
  return { token, margin, spot, approximation: { valueEnd: approx, kind: 'float-analytic' } };
}

