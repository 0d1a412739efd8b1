import type { TriggerSource } from '#shared/domain/trading-orders';
import { triggerDirection, type Order } from '../model/order';
import { TriggerHeap } from './trigger-heap';
import { toFloat } from '#shared/money/to-float';

/** The heaps of one market: conditional orders by watched price and direction, resting limits by price. */
export interface MarketOrderHeaps {
  /** 'down' fires when the watched price falls to the key, 'up' when it rises to it. */
  readonly conditional: Readonly<Record<TriggerSource, { readonly down: TriggerHeap; readonly up: TriggerHeap }>>;
  /** Resting buys fill when the last price trades below them (highest first), sells above (lowest first). */
  readonly buys: TriggerHeap;
  readonly sells: TriggerHeap;
  /** Live trailing stops: their trigger follows the price, so each tick updates them (few, trader only). */
  readonly trailing: Set<number>;
}

function newHeaps(): MarketOrderHeaps {
  return {
    conditional: {
      mark: { down: new TriggerHeap('desc'), up: new TriggerHeap('asc') },
      last: { down: new TriggerHeap('desc'), up: new TriggerHeap('asc') },
    },
    buys: new TriggerHeap('desc'),
    sells: new TriggerHeap('asc'),
    trailing: new Set(),
  };
}

/**
 * Every live order of every account, and per market the price indexes a tick consults. An order
 * is in exactly one heap while it waits (pending: its trigger heap; resting: its limit heap) and
 * in none once final or while it is being executed.
 */
export class OrderIndex {
  readonly byId = new Map<number, Order>();
  private readonly markets = new Map<string, MarketOrderHeaps>();

  heaps(symbol: string): MarketOrderHeaps {
    let h = this.markets.get(symbol);
    if (!h) this.markets.set(symbol, (h = newHeaps()));
    return h;
  }

  /** Puts a live order where it belongs (or nowhere, for a pending trailing stop not yet activated). */
  place(order: Order): void {
    this.byId.set(order.id, order);
    this.unindex(order);
    const h = this.heaps(order.symbol);
    const id = String(order.id);
    if (order.status === 'pending') {
      if (order.type === 'trailingStop') h.trailing.add(order.id);
      if (order.trigger) {
        const dir = triggerDirection(order.type, order.side);
        h.conditional[order.triggerSource][dir].set(id, toFloat(order.trigger));
      }
      return;
    }
    if (order.status === 'open' || order.status === 'partiallyFilled') {
      if (!order.price) throw new Error(`order ${order.id} rests without a price`);
      (order.side === 'buy' ? h.buys : h.sells).set(id, toFloat(order.price));
    }
  }

  /** Takes the order out of every heap (kept in byId). */
  unindex(order: Order): void {
    const h = this.heaps(order.symbol);
    const id = String(order.id);
    for (const src of ['mark', 'last'] as const) {
      h.conditional[src].down.remove(id);
      h.conditional[src].up.remove(id);
    }
    h.buys.remove(id);
    h.sells.remove(id);
    h.trailing.delete(order.id);
  }

  forget(order: Order): void {
    this.unindex(order);
    this.byId.delete(order.id);
  }

  clear(): void {
    this.byId.clear();
    this.markets.clear();
  }
}
