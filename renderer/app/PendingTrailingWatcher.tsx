import { useEffect } from 'react';
import { useApi } from '../api/context';
import { pendingTrailing, settleTrailing, trailingAfterEntry } from './pending-trailing';

/**
 * Places a plan's trailing stop when its limit entry fills (trading.activity), whichever view is
 * shown; a rewind drops what still waits (the entry it waited for is gone). Renders nothing.
 */
export function PendingTrailingWatcher() {
  const api = useApi();
  useEffect(() => {
    const offActivity = api.on('trading.activity', (a) => {
      for (const entry of a.orders) {
        for (const p of pendingTrailing()) {
          const step = trailingAfterEntry(p, entry);
          if (step.kind === 'drop') settleTrailing(p.clientOrderId, 'dropped', step.reason);
          if (step.kind !== 'place') continue;
          // Marked first: a second frame with the same fill must not place it twice.
          settleTrailing(p.clientOrderId, 'placed', `after entry #${entry.id} filled`);
          void api.call('trading.placeOrder', { ...step.order, ...(p.planId ? { planId: p.planId } : {}) }).then((r) => {
            if (!r.ok) settleTrailing(p.clientOrderId, 'refused', r.error.message);
            else if (r.value.order) settleTrailing(p.clientOrderId, 'placed', `#${r.value.order.id} after entry #${entry.id} filled`);
          });
        }
      }
    });
    const offReset = api.on('trading.reset', () => {
      for (const p of pendingTrailing()) if (p.state === 'waiting') settleTrailing(p.clientOrderId, 'dropped', 'the session was rewound');
    });
    return () => {
      offActivity();
      offReset();
    };
  }, [api]);
  return null;
}
