import { useSyncExternalStore } from 'react';
import { onPendingTrailing, pendingTrailing } from '../../../app/pending-trailing';
import { useFmt } from '../format';

const TEXT = { waiting: 'waits for its entry to fill', placed: 'placed', refused: 'refused', dropped: 'not placed' } as const;

/** The last plan trailing stop tied to a resting entry, and what became of it. */
export function TrailingPendingNote() {
  const fmt = useFmt();
  const items = useSyncExternalStore(onPendingTrailing, pendingTrailing);
  const last = items[items.length - 1];
  if (!last) return null;
  const o = last.order;
  return (
    <p className={`tk-trail-pending${last.state === 'refused' ? ' warn' : ''}`} data-testid="ticket-trailing-pending" data-state={last.state} data-entry-tag={last.clientOrderId}>
      Plan trailing stop ({fmt.pct(o.callbackRate ?? '0', 2)}, {fmt.qty(o.quantity ?? '0')}) {TEXT[last.state]}
      {last.message ? `: ${last.message}` : ''}
    </p>
  );
}
