import { describe, expect, it } from 'vitest';
import { OrderRequestSchema } from '#shared/domain/trading-orders';
import { INITIAL_TICKET, buildOrder, type TicketContext, type TicketState } from '#renderer/views/trade/ticket/ticket-state';

const ctx: TicketContext = { symbol: 'BTCUSDT', tickSize: '0.10', stepSize: '0.001', lastPrice: '60000.00', maxOpen: '2.500' };
const ticket = (patch: Partial<TicketState>): TicketState => ({ ...INITIAL_TICKET, ...patch });

describe('buildOrder', () => {
  it('builds a limit order the contract accepts', () => {
    const r = buildOrder(ticket({ price: '59,000.5', quantity: '0.0123' }), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request).toEqual({ symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.012', price: '59000.5', timeInForce: 'GTC' });
    expect(OrderRequestSchema.safeParse(r.request).success).toBe(true);
  });

  it('converts a quote amount at the limit price and a percentage of max open, floored to the step', () => {
    const quote = buildOrder(ticket({ price: '30000', quantity: '1000', unit: 'quote' }), ctx);
    expect(quote.ok && quote.quantity).toBe('0.033');
    const market = buildOrder(ticket({ type: 'market', quantity: '1000', unit: 'quote' }), ctx);
    expect(market.ok && market.quantity).toBe('0.016');
    const pct = buildOrder(ticket({ type: 'market', quantity: '25', unit: 'percent' }), ctx);
    expect(pct.ok && pct.quantity).toBe('0.625');
    expect(buildOrder(ticket({ type: 'market', quantity: '150', unit: 'percent' }), ctx).ok).toBe(false);
  });

  it('attaches a stop and a take-profit ladder that sums to at most 100%', () => {
    const r = buildOrder(
      ticket({
        type: 'market',
        quantity: '0.1',
        stopOn: true,
        stopPrice: '57000',
        tpOn: true,
        takeProfits: [
          { price: '62000', percent: '50' },
          { price: '64000', percent: '50' },
        ],
      }),
      ctx,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.attached?.stopLoss?.triggerPrice).toBe('57000');
    expect(r.request.attached?.takeProfits?.map((t) => t.fraction)).toEqual([0.5, 0.5]);
    expect(OrderRequestSchema.safeParse(r.request).success).toBe(true);
    const over = buildOrder(ticket({ type: 'market', quantity: '0.1', tpOn: true, takeProfits: [{ price: '62000', percent: '60' }, { price: '63000', percent: '50' }] }), ctx);
    expect(over).toMatchObject({ ok: false, field: 'tp0' });
  });

  it('names the field that is missing', () => {
    expect(buildOrder(ticket({ quantity: '1' }), ctx)).toMatchObject({ ok: false, field: 'price' });
    expect(buildOrder(ticket({ type: 'stopMarket', quantity: '1' }), ctx)).toMatchObject({ ok: false, field: 'trigger' });
    expect(buildOrder(ticket({ price: '1', quantity: '0.0001' }), ctx)).toMatchObject({ ok: false, field: 'quantity' });
  });

  it('sends a trailing stop with the callback as a fraction', () => {
    const r = buildOrder(ticket({ type: 'trailingStop', side: 'sell', quantity: '0.5', callbackPercent: '1.5', reduceOnly: true }), ctx);
    expect(r.ok && r.request).toMatchObject({ callbackRate: '0.015', triggerSource: 'mark', reduceOnly: true });
    const close = buildOrder(ticket({ type: 'stopMarket', side: 'sell', trigger: '55000', closePosition: true }), ctx);
    expect(close.ok && close.request).toMatchObject({ closePosition: true, triggerPrice: '55000' });
    expect(close.ok && close.request.quantity).toBeUndefined();
  });
});
