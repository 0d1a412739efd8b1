import type { InsuranceEntry } from '#shared/domain/trading-history';
import { toWire, type Dec } from '#shared/money/decimal';
import type { EngineContext } from '../context';
import type { AccountId } from '../model/ids';
import { nextId } from '../state/engine-state';

/**
 * Moves money into (positive) or out of (negative) the insurance fund and records the change.
 * The counter-movement (an account's residual margin, a deficit it leaves) is the caller's, in
 * the same step, so the conservation sum never sees half of it.
 */
export function changeInsurance(
  ctx: EngineContext,
  delta: Dec,
  reason: InsuranceEntry['reason'],
  liquidationId: number | null,
  account: AccountId | null,
): void {
  if (delta.isZero()) return;
  ctx.state.insurance = ctx.state.insurance.plus(delta);
  ctx.effects.push({
    kind: 'insurance',
    entry: {
      id: nextId(ctx.state, 'insurance'),
      t: ctx.state.t,
      delta: toWire(delta),
      balance: toWire(ctx.state.insurance),
      reason,
      liquidationId,
      account,
    },
  });
}
