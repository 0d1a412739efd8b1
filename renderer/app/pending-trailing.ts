import type { OrderRequest, OrderView } from '#shared/domain/trading-orders';
import { Dec, toWire, type DecimalString } from '#shared/money/decimal';

/**
 * A plan's trailing stop waiting for its limit entry to fill. It is reduce-only, so the engine
 * refuses it while there is no position; the ticket tags the entry (clientOrderId) and leaves
 * the trailing stop here, and the shell's watcher places it on the entry's fill.
 */
export interface PendingTrailing {
  readonly clientOrderId: string;
  readonly order: OrderRequest;
  readonly planId: string | null;
  readonly state: 'waiting' | 'placed' | 'refused' | 'dropped';
  readonly message: string | null;
}

export type TrailingStep = { readonly kind: 'wait' } | { readonly kind: 'place'; readonly order: OrderRequest } | { readonly kind: 'drop'; readonly reason: string };

/**
 * What an update of the entry means for its trailing stop: filled, place it; ended after a
 * partial fill, place it for at most what filled; ended unfilled, drop it; otherwise wait.
 */
export function trailingAfterEntry(p: PendingTrailing, entry: OrderView): TrailingStep {
  if (entry.clientOrderId !== p.clientOrderId || p.state !== 'waiting') return { kind: 'wait' };
  const filled = new Dec(entry.filledQuantity);
  const ended = entry.status === 'canceled' || entry.status === 'expired';
  if (entry.status !== 'filled' && !(ended && filled.gt(0))) {
    return ended ? { kind: 'drop', reason: `entry #${entry.id} ended unfilled` } : { kind: 'wait' };
  }
  const want = new Dec(p.order.quantity ?? filled);
  return { kind: 'place', order: { ...p.order, quantity: toWire(Dec.min(want, filled)) as DecimalString } };
}

let items: readonly PendingTrailing[] = [];
const listeners = new Set<() => void>();
const emit = (): void => {
  for (const l of listeners) l();
};

export function armTrailing(p: Omit<PendingTrailing, 'state' | 'message'>): void {
  items = [...items.filter((x) => x.clientOrderId !== p.clientOrderId), { ...p, state: 'waiting', message: null }];
  emit();
}

export function settleTrailing(clientOrderId: string, state: PendingTrailing['state'], message: string | null = null): void {
  items = items.map((x) => (x.clientOrderId === clientOrderId ? { ...x, state, message } : x));
  emit();
}

/** Drops a tag whose entry the engine refused (nothing was placed). */
export function disarmTrailing(clientOrderId: string): void {
  items = items.filter((x) => x.clientOrderId !== clientOrderId);
  emit();
}

export function pendingTrailing(): readonly PendingTrailing[] {
  return items;
}

export function onPendingTrailing(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
