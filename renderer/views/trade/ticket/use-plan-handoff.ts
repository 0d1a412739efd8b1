import { useEffect, useRef, useState } from 'react';
import { currentPlanHandoff, onPlanHandoff, releasePlanHandoff, type PlanHandoff } from '../../../app/plan-handoff';

/**
 * The plan sent from the Planner: applied when the ticket mounts (the Planner switched to Trade,
 * or the ticket was mounted again before the plan was placed) and when one arrives while it is
 * shown; `apply` fills the ticket. `clear` is done with it (placed, or cleared by the trader).
 */
export function usePlanHandoff(apply: (h: PlanHandoff) => void): { plan: PlanHandoff | null; clear: () => void } {
  const [plan, setPlan] = useState<PlanHandoff | null>(null);
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  }, [apply]);
  useEffect(() => {
    let seen = 0;
    const take = (): void => {
      const h = currentPlanHandoff();
      if (!h || h.serial === seen) return;
      seen = h.serial;
      setPlan(h);
      applyRef.current(h);
    };
    take();
    return onPlanHandoff(take);
  }, []);
  return {
    plan,
    clear: () => {
      if (plan) releasePlanHandoff(plan);
      setPlan(null);
    },
  };
}
