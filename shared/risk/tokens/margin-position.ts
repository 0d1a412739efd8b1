import { type Dec, ONE, ZERO } from '../../money/decimal';
import { RiskInputError } from '../errors';
import type { PricePath } from './path';

export interface MarginPositionResult {
  readonly valueEnd: Dec;
  /** Equity at the start (1) and at each daily close. */
  readonly path: readonly Dec[];
  readonly liquidated: boolean;
  readonly liquidatedDay: number | null;
  /** The liquidation price at the open (before any funding moved it); null if none exists. */
  readonly liquidationPrice: Dec | null;
  /** Funding paid out of the isolated margin (negative: received). */
  readonly fundingPaid: Dec;
}

/** Isolated LP with no maintenance amount: long (qEP - W)/(q(1 - m)), short (qEP + W)/(q(1 + m)). */
function isolatedLp(long: boolean, q: Dec, entry: Dec, wallet: Dec, mmr: Dec): Dec | null {
  const lp = long ? q.mul(entry).minus(wallet).div(q.mul(ONE.minus(mmr))) : q.mul(entry).plus(wallet).div(q.mul(ONE.plus(mmr)));
  return lp.gt(0) ? lp : null;
}

/**
 * The comparator's static margin position: |L| x the starting capital of 1 opened once at the
 * start price, isolated, never rebalanced. Liquidated (value 0: on Binance the residual isolated
 * margin goes to the insurance fund) the first time a path vertex touches the liquidation price.
 * Funding is charged daily on the end-of-day notional and comes out of the isolated margin, so
 * the liquidation price creeps toward the market as funding is paid.
 */
export function simulateMarginPosition(path: PricePath, leverage: Dec, maintenanceMarginRate: Dec, fundingPerDay: Dec, fundingByDay?: readonly Dec[]): MarginPositionResult {
  if (leverage.isZero()) throw new RiskInputError('leverage', 'must not be zero');
  if (maintenanceMarginRate.lt(0) || !maintenanceMarginRate.lt(1)) throw new RiskInputError('maintenanceMarginRate', 'must be in [0, 1)');
  const long = leverage.gt(0);
  const entry = path.start;
  const q = leverage.abs().div(entry);
  const s = long ? 1 : -1;
  let wallet = ONE;
  let lp = isolatedLp(long, q, entry, wallet, maintenanceMarginRate);
  const initialLp = lp;
  const equityAt = (p: Dec) => wallet.plus(q.mul(p.minus(entry)).mul(s));
  const touches = (p: Dec) => lp !== null && (long ? p.lte(lp) : p.gte(lp));

  const values: Dec[] = [ONE];
  let liquidatedDay: number | null = null;
  let last = entry;
  let fundingPaid = ZERO;
  path.days.forEach((d, i) => {
    if (liquidatedDay !== null) {
      values.push(ZERO);
      return;
    }
    const vertices = d.gapTo ? [d.gapTo, ...d.moves] : d.moves;
    for (const p of vertices) {
      last = p;
      if (touches(p)) {
        liquidatedDay = i + 1;
        values.push(ZERO);
        return;
      }
    }
    const funding = q.mul(last).mul(fundingByDay?.[i] ?? fundingPerDay).mul(s);
    wallet = wallet.minus(funding);
    fundingPaid = fundingPaid.plus(funding);
    lp = isolatedLp(long, q, entry, wallet, maintenanceMarginRate);
    if (!wallet.gt(0) || touches(last)) {
      liquidatedDay = i + 1;
      values.push(ZERO);
      return;
    }
    values.push(equityAt(last));
  });
  return {
    valueEnd: values[values.length - 1]!,
    path: values,
    liquidated: liquidatedDay !== null,
    liquidatedDay,
    liquidationPrice: initialLp,
    fundingPaid,
  };
}
