import { useEffect, useRef, useState } from 'react';
import { onPlanHandoff, takePlanHandoff, type PlanHandoff } from '../../../app/plan-handoff';

/**
 * The plan sent from the Planner, taken once when the ticket mounts (the Planner switched to
 * Trade) or when one arrives while it is shown; `apply` fills the ticket. `clear` forgets it.
 */
export function usePlanHandoff(apply: (h: PlanHandoff) => void): { plan: PlanHandoff | null; clear: () => void } {
  const [plan, setPlan] = useState<PlanHandoff | null>(null);
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  }, [apply]);
  useEffect(() => {
    const take = (): void => {
      const h = takePlanHandoff();
      if (!h) return;
      setPlan(h);
      applyRef.current(h);
    };
    take();
    return onPlanHandoff(take);
  }, []);
  return { plan, clear: () => setPlan(null) };
}
