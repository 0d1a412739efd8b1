import { describe, expect, it } from 'vitest';
import type { OrderView } from '#shared/domain/trading-orders';
import { trailingAfterEntry, type PendingTrailing } from '#renderer/app/pending-trailing';

const pending: PendingTrailing = {
  clientOrderId: 'plan-1-x',
  order: { symbol: 'BTCUSDT', side: 'sell', type: 'trailingStop', quantity: '0.032' as never, reduceOnly: true, callbackRate: '0.01' as never },
  planId: 'p1',
  state: 'waiting',
  message: null,
};

function entry(over: Record<string, unknown>): OrderView {
  return {
    id: 7,
    clientOrderId: 'plan-1-x',
    symbol: 'BTCUSDT',
    side: 'buy',
    type: 'limit',
    status: 'open',
    quantity: '0.064',
    filledQuantity: '0',
    averagePrice: null,
    price: '60000',
    triggerPrice: null,
    triggerSource: 'mark',
    timeInForce: 'GTC',
    reduceOnly: false,
    closePosition: false,
    callbackRate: null,
    activationPrice: null,
    trailingExtreme: null,
    parentId: null,
    role: 'entry',
    createdAt: 0,
    updatedAt: 0,
    reason: 'placed',
    ...over,
  } as OrderView;
}

describe("a plan's trailing stop on its limit entry's fill", () => {
  it('waits while the entry rests or fills in part, places on the fill, ignores other orders', () => {
    expect(trailingAfterEntry(pending, entry({}))).toEqual({ kind: 'wait' });
    expect(trailingAfterEntry(pending, entry({ status: 'partiallyFilled', filledQuantity: '0.01' }))).toEqual({ kind: 'wait' });
    expect(trailingAfterEntry(pending, entry({ status: 'filled', filledQuantity: '0.064' }))).toEqual({ kind: 'place', order: { ...pending.order, quantity: '0.032' as never } });
    expect(trailingAfterEntry(pending, entry({ clientOrderId: 'other', status: 'filled', filledQuantity: '0.064' }))).toEqual({ kind: 'wait' });
    expect(trailingAfterEntry({ ...pending, state: 'placed' }, entry({ status: 'filled', filledQuantity: '0.064' }))).toEqual({ kind: 'wait' });
  });

  it('an entry canceled after a partial fill gets a trailing stop for at most what filled; unfilled, none', () => {
    expect(trailingAfterEntry(pending, entry({ status: 'canceled', filledQuantity: '0.02' }))).toEqual({ kind: 'place', order: { ...pending.order, quantity: '0.02' as never } });
    expect(trailingAfterEntry(pending, entry({ status: 'expired', filledQuantity: '0' }))).toMatchObject({ kind: 'drop' });
  });
});
