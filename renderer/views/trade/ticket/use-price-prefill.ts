import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { OrderType } from '#shared/domain/trading-orders';
import { needsPrice, type TicketState } from './ticket-state';

/**
 * A priced order starts at the last price and follows it until the trader types another one: a
 * seek or a new scenario moves the market under a stale prefill, which would send a marketable
 * limit the trader never chose. An empty field is filled when the order type changes or a first
 * price arrives, never because last moved (a field the trader cleared stays clear).
 */
export function usePricePrefill(type: OrderType, last: string | null | undefined, setS: Dispatch<SetStateAction<TicketState>>): void {
  const prefilled = useRef<string | null>(null);
  const seen = useRef<{ type: OrderType; hasLast: boolean } | null>(null);
  const hasLast = last != null;
  useEffect(() => {
    const fresh = seen.current?.type !== type || seen.current.hasLast !== hasLast;
    seen.current = { type, hasLast };
    if (!needsPrice(type) || !last) return;
    setS((prev) => {
      if (prev.price === '' ? !fresh : prev.price !== prefilled.current) return prev;
      prefilled.current = last;
      return prev.price === last ? prev : { ...prev, price: last };
    });
  }, [type, hasLast, last, setS]);
}
