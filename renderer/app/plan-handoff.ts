import type { PlanHandoff } from './plan-handoff-types';

export type { PlanHandoff };

let pending: PlanHandoff | null = null;
let serial = 0;
const listeners = new Set<() => void>();

export function sendPlanToTicket(h: Omit<PlanHandoff, 'serial'>): void {
  serial += 1;
  pending = { ...h, serial };
  for (const l of listeners) l();
  // The shell switches to the Trade view (App listens).
  window.dispatchEvent(new CustomEvent('levdesk:view', { detail: 'trade' }));
}

/** Takes the waiting plan (the ticket takes it once). */
export function takePlanHandoff(): PlanHandoff | null {
  const h = pending;
  pending = null;
  return h;
}

export function onPlanHandoff(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
