import type { PlanHandoff } from './plan-handoff-types';

export type { PlanHandoff };

let current: PlanHandoff | null = null;
let serial = 0;
const listeners = new Set<() => void>();

export function sendPlanToTicket(h: Omit<PlanHandoff, 'serial'>): void {
  serial += 1;
  current = { ...h, serial };
  for (const l of listeners) l();
  // The shell switches to the Trade view (App listens).
  window.dispatchEvent(new CustomEvent('levdesk:view', { detail: 'trade' }));
}

/**
 * The plan waiting in the ticket. It stays until the ticket places it or the trader clears it,
 * so a ticket mounted again meanwhile (the Trade view keys it by session, which can arrive just
 * after the switch) fills itself with it again instead of coming up empty.
 */
export function currentPlanHandoff(): PlanHandoff | null {
  return current;
}

/** The ticket is done with this plan (placed or cleared); a newer one sent since is kept. */
export function releasePlanHandoff(h: PlanHandoff): void {
  if (current?.serial === h.serial) current = null;
}

export function onPlanHandoff(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
