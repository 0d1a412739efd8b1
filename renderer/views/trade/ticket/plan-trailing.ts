import { armTrailing } from '../../../app/pending-trailing';
import type { PlanHandoff } from '../../../app/plan-handoff';

let n = 0;

/**
 * Leaves a plan's trailing stop waiting for its resting entry and returns the tag the entry
 * carries (its clientOrderId: the trader's own, or one made here) so the fill can be recognised.
 */
export function armPlanTrailing(plan: PlanHandoff, clientOrderId: string | undefined): string {
  n += 1;
  const tag = clientOrderId ?? `plan-${plan.serial}-${Date.now().toString(36)}-${n}`;
  armTrailing({ clientOrderId: tag, order: plan.trailing!, planId: plan.planId });
  return tag;
}
