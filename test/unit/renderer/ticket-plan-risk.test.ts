import { describe, expect, it } from 'vitest';
import { computePlan } from '#shared/plan/compute-plan';
import { DEFAULT_PLAN_INPUTS } from '#shared/plan/plan-body';
import { planOrders } from '#shared/plan/plan-orders';
import { EMPTY_CONTEXT } from '#shared/plan/resolve-inputs';
import { ticketFromPlan } from '#renderer/views/trade/ticket/plan-to-ticket';
import { lossAtStop, riskQuantity } from '#renderer/views/trade/ticket/ticket-risk';
import { INITIAL_TICKET, buildOrder, type TicketContext } from '#renderer/views/trade/ticket/ticket-state';

const risk = { equity: '10000', profile: 'binance-usdm' as const, leverage: 20, marginMode: 'isolated' as const };
const ctx: TicketContext = { symbol: 'BTCUSDT', tickSize: '0.1', stepSize: '0.001', lastPrice: '60000', maxOpen: null, risk };

describe('ticket: Risk quantity unit and Loss at stop', () => {
  it('1% of 10,000 with the stop at 58,500 gives the Planner and levdesk size quantity', () => {
    expect(riskQuantity({ risk: '1', riskIn: 'percent', side: 'buy', entry: '60000', stop: '58500', symbol: 'BTCUSDT' }, risk)).toEqual({ ok: true, value: '0.064', budget: '100' });
    expect(riskQuantity({ risk: '100', riskIn: 'cash', side: 'buy', entry: '60000', stop: '58500', symbol: 'BTCUSDT' }, risk)).toMatchObject({ ok: true, value: '0.064' });
    const r = buildOrder({ ...INITIAL_TICKET, type: 'limit', price: '60000', unit: 'risk', quantity: '1', stopOn: true, stopPrice: '58500' }, ctx);
    expect(r.ok && r.request.quantity).toBe('0.064');
  });

  it('refuses without the stop, with a stop on the wrong side, or with more risk than equity', () => {
    expect(buildOrder({ ...INITIAL_TICKET, type: 'market', unit: 'risk', quantity: '1' }, ctx)).toMatchObject({ ok: false, message: expect.stringMatching(/attached stop/) });
    expect(riskQuantity({ risk: '1', riskIn: 'percent', side: 'sell', entry: '60000', stop: '58500', symbol: 'BTCUSDT' }, risk)).toMatchObject({ ok: false, message: expect.stringMatching(/above/) });
    expect(riskQuantity({ risk: '20000', riskIn: 'cash', side: 'buy', entry: '60000', stop: '58500', symbol: 'BTCUSDT' }, risk)).toMatchObject({ ok: false });
  });

  it('loss at stop = q x distance + entry fee at the order rate + stop exit at the taker rate', () => {
    expect(lossAtStop({ side: 'buy', quantity: '0.064', entry: '60000', stop: '58500', entryFeeRate: '0.0005', profile: 'binance-usdm' })).toBe('99.792');
    expect(lossAtStop({ side: 'buy', quantity: '0.064', entry: '60000', stop: '58500', entryFeeRate: '0.0002', profile: 'binance-usdm' })).toBe('98.64');
    expect(lossAtStop({ side: 'sell', quantity: '0.064', entry: '60000', stop: '58500', entryFeeRate: null, profile: 'binance-usdm' })).toBeNull();
  });
});

describe('ticket: a plan sent from the Planner', () => {
  it('fills the entry, the stop and the whole take-profit ladder intact', () => {
    const inputs = { ...DEFAULT_PLAN_INPUTS, equity: '10000', entry: '60000', stop: '58500', leverage: 20, rungs: [{ kind: 'r' as const, value: '1', percent: '30' }, { kind: 'r' as const, value: '2', percent: '30' }, { kind: 'price' as const, value: '66000', percent: '40' }] };
    const r = computePlan(inputs, EMPTY_CONTEXT);
    if (!r.ok) throw new Error('plan');
    const orders = planOrders(inputs, r.outputs, r.exits);
    const t = ticketFromPlan({ planId: 'p1', planName: 'x', entry: orders.entry, trailing: null, leverage: 20, marginMode: 'isolated', serial: 1 });
    expect(t).toMatchObject({ side: 'buy', type: 'limit', price: '60000', quantity: '0.064', unit: 'base', stopOn: true, stopPrice: '58500', tpOn: true });
    expect(t.takeProfits).toEqual([
      { price: '61500', percent: '30' },
      { price: '63000', percent: '30' },
      { price: '66000', percent: '40' },
    ]);
    // The ticket rebuilds exactly the order the plan made.
    const rebuilt = buildOrder(t, { ...ctx, risk: undefined });
    expect(rebuilt.ok && rebuilt.request).toEqual(orders.entry);
  });
});
